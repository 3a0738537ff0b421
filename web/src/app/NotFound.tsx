/** An address the client does not know. */
import { Link } from "wouter";
import { useT } from "../i18n/I18nProvider";
import { Page } from "../ui/Page";

export default function NotFound() {
  const t = useT();
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href="/">{t("notFound.home")}</Link>
      </p>
    </Page>
  );
}
