/** The kind refusal for people under 18: where to find support now. Nothing about them was kept. */
import { useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";

export default function UnderAge() {
  const t = useT();
  return (
    <Page title={t("underAge.title")}>
      <p>{t("underAge.body")}</p>
      <p>{t("underAge.nothingKept")}</p>
      <p>{t("underAge.youthServices")}</p>
      <p>
        <a className="button" href="/help">
          {t("underAge.helpLink")}
        </a>
      </p>
    </Page>
  );
}
