/** The community's own texts, and the process's health (no session needed). */
import { z } from "zod";
import { defineRoute } from "./route.js";

export const agreement = z.object({ version: z.string(), text: z.string().meta({ description: "Markdown." }) }).meta({ id: "Agreement" });

export const communityRoutes = {
  agreement: defineRoute({
    method: "GET",
    url: "/api/v1/agreement",
    access: "none",
    tag: "Community",
    summary: "The community agreement accepted at sign-up",
    response: { 200: z.object({ agreement }) },
  }),
  agreementPage: defineRoute({
    method: "GET",
    url: "/agreement",
    access: "none",
    tag: "Community",
    summary: "The community agreement as a page for people",
    contentType: "text/html",
    response: { 200: z.string() },
  }),
  helpPage: defineRoute({
    method: "GET",
    url: "/help",
    access: "none",
    tag: "Community",
    summary: "The instance's crisis lines and warmlines as a page that works without JavaScript",
    contentType: "text/html",
    response: { 200: z.string() },
  }),
  openapi: defineRoute({
    method: "GET",
    url: "/api/v1/openapi.json",
    access: "none",
    tag: "Community",
    summary: "This API as an OpenAPI 3.1 document",
    response: { 200: z.record(z.string(), z.unknown()) },
  }),
  health: defineRoute({
    method: "GET",
    url: "/healthz",
    access: "none",
    tag: "Operations",
    summary: "200 as soon as the process serves",
    response: { 200: z.object({ status: z.literal("ok") }) },
  }),
  ready: defineRoute({
    method: "GET",
    url: "/readyz",
    access: "none",
    tag: "Operations",
    summary: "200 once the store (and Redis, when configured) answers; 503 otherwise",
    response: { 200: z.object({ status: z.literal("ready") }), 503: z.object({ status: z.literal("unavailable") }) },
  }),
  metrics: defineRoute({
    method: "GET",
    url: "/metrics",
    access: "none",
    tag: "Operations",
    summary: "Prometheus metrics",
    description: "Keep it private: expose it only to your monitoring (see docs/operations.md).",
    contentType: "text/plain",
    response: { 200: z.string() },
  }),
} as const;
