/**
 * "When someone is struggling": the guide for peers (GET /api/v1/guide?lang=), in the member's
 * language, open to anyone, signed in or not. Opened from every conversation's header (with a
 * way back to it, `?from=<conversationId>`) and from "Get help now".
 */
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "wouter";
import { api } from "../../api/client";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { Page } from "../../ui/Page";
import { GuideText } from "./GuideText";

export default function Guide() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const [search] = useSearchParams();
  const from = search.get("from");
  const guide = useQuery({ queryKey: ["guide", locale], queryFn: () => api.guide(locale), staleTime: 10 * 60_000 });
  return (
    <Page title={t("guide.title")}>
      {from ? (
        <p>
          <Link href={`/conversations/${encodeURIComponent(from)}`}>{t("guide.backToConversation")}</Link>
        </p>
      ) : null}
      {guide.isPending ? <p>{t("app.loading")}</p> : null}
      {guide.isError ? <p>{generalErrorMessage(guide.error, t)}</p> : null}
      {guide.data ? <GuideText markdown={guide.data.guide.text} /> : null}
      <p className="muted">{t("guide.lines")}</p>
      <p>
        <a href="/help">{t("app.helpLink")}</a>
      </p>
    </Page>
  );
}
