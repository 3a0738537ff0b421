/** After signing out. */
import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";

export default function SignedOut() {
  const t = useT();
  return (
    <Page title={t("signedOut.title")}>
      <p>{t("signedOut.body")}</p>
      <p>
        <Link href="/sign-in">{t("signedOut.signInAgain")}</Link>
      </p>
    </Page>
  );
}
