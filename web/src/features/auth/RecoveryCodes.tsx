/**
 * The recovery codes, shown once, right after sign-up or recovery, with copy and download.
 * Kindred keeps only their hashes, so this is the only time anyone can see them. Onboarding
 * comes next; when the codes are already gone (a reload), the member goes on to where they were
 * going before they signed in (return-to.ts), else home.
 */
import { useState } from "react";
import { useLocation } from "wouter";
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";
import { forgetRecoveryCodes, peekRecoveryCodes } from "./recovery-codes-holder";
import { returnTo } from "./return-to";

export default function RecoveryCodes() {
  const t = useT();
  const [, navigate] = useLocation();
  const [codes] = useState(peekRecoveryCodes);
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const [downloadUrl] = useState(() => (codes ? URL.createObjectURL(new Blob([codes.join("\n") + "\n"], { type: "text/plain" })) : null));

  if (!codes) {
    return (
      <Page title={t("codes.goneTitle")}>
        <p>{t("codes.gone")}</p>
        <button type="button" className="button" onClick={() => navigate(returnTo.take() ?? "/home")}>
          {returnTo.peek() ? t("codes.continueOn") : t("codes.continue")}
        </button>
      </Page>
    );
  }

  return (
    <Page title={t("codes.title")}>
      <p>{t("codes.intro")}</p>
      <p>{t("codes.once", { count: codes.length })}</p>
      <ol className="codes panel" aria-label={t("codes.listLabel")}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(codes.join("\n"));
              setCopied("copied");
            } catch {
              setCopied("failed");
            }
          }}
        >
          {t("codes.copy")}
        </button>
        {downloadUrl ? (
          <a className="button secondary" href={downloadUrl} download="kindred-recovery-codes.txt">
            {t("codes.download")}
          </a>
        ) : null}
      </div>
      <p role="status">{copied === "copied" ? t("codes.copied") : copied === "failed" ? t("codes.copyFailed") : ""}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          forgetRecoveryCodes();
          if (downloadUrl) URL.revokeObjectURL(downloadUrl);
          navigate("/welcome");
        }}
      >
        {t("codes.saved")}
      </button>
    </Page>
  );
}
