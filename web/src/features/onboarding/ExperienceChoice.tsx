/** The instance's experience tags as checkboxes in a fieldset (GET /api/v1/experiences). */
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useT } from "../../i18n/I18nProvider";

export function useExperiences() {
  return useQuery({ queryKey: ["experiences"], queryFn: api.experiences, staleTime: 5 * 60_000 });
}

export function ExperienceChoice(props: { legend: string; hint: string; selected: string[]; onChange(selected: string[]): void; idPrefix?: string }) {
  const t = useT();
  const query = useExperiences();
  const prefix = props.idPrefix ?? "experience";
  return (
    <fieldset aria-describedby={`${prefix}-hint`}>
      <legend>{props.legend}</legend>
      <p className="hint" id={`${prefix}-hint`}>
        {props.hint}
      </p>
      {query.isPending ? <p>{t("app.loading")}</p> : null}
      {query.isError ? <p>{t("onboarding.experiencesFailed")}</p> : null}
      <ul className="choice-list">
        {(query.data?.experiences ?? []).map((experience) => {
          const id = `${prefix}-${experience.id}`;
          return (
            <li className="check" key={experience.id}>
              <input
                type="checkbox"
                id={id}
                checked={props.selected.includes(experience.id)}
                aria-describedby={experience.description ? `${id}-about` : undefined}
                onChange={(event) =>
                  props.onChange(event.target.checked ? [...props.selected, experience.id] : props.selected.filter((s) => s !== experience.id))
                }
              />
              <span>
                <label htmlFor={id}>{experience.label}</label>
                {experience.description ? (
                  <span className="muted block" id={`${id}-about`}>
                    {experience.description}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
