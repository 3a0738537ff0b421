/** The instance's crisis lines and warmlines (GET /api/v1/resources), needing no session. */
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Resource } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";

/** Web addresses open as links; phone numbers and other contacts are shown as text to copy or dial. */
function Contact({ contact }: { contact: string }) {
  if (/^https?:\/\//.test(contact)) {
    return (
      <a href={contact} rel="noreferrer noopener" target="_blank">
        {contact}
      </a>
    );
  }
  return <span>{contact}</span>;
}

export function ResourceItems({ resources }: { resources: Resource[] }) {
  return (
    <ul className="plain-list">
      {resources.map((resource) => (
        <li key={`${resource.region}-${resource.name}`}>
          <p className="resource-name">{resource.name}</p>
          <p>
            <Contact contact={resource.contact} />
          </p>
          {resource.note ? <p className="muted">{resource.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function ResourceList({ region }: { region?: string | null }) {
  const t = useT();
  const query = useQuery({ queryKey: ["resources", region ?? null], queryFn: () => api.resources(region) });
  if (query.isPending) return <p>{t("help.loading")}</p>;
  if (query.isError) return <p>{t("help.loadFailed")}</p>;
  return <ResourceItems resources={query.data.resources} />;
}
