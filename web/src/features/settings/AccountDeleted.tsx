/**
 * After DELETE /api/v1/me: a plain goodbye, with the help page (served without JavaScript,
 * so a plain link) and the start page. Page moves focus to the heading, so it is heard at once.
 */
import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";

export default function AccountDeleted() {
  const t = useT();
  return (
    <Page title={t("accountDeleted.title")}>
      <p>{t("accountDeleted.body")}</p>
      <p>{t("accountDeleted.takeCare")}</p>
      <p>
        <a href="/help">{t("accountDeleted.help")}</a>
      </p>
      <p>
        <Link href="/">{t("accountDeleted.start")}</Link>
      </p>
    </Page>
  );
}
