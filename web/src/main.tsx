/** Entry point of the web client. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./app/theme.css";

// React Aria's pressable controls add a <style> for `touch-action` unless an element with this id
// exists; the strict CSP (no inline style) would block it. The same rule is in theme.css instead.
const pressableStyle = document.createElement("meta");
pressableStyle.id = "react-aria-pressable-style";
document.head.append(pressableStyle);

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
