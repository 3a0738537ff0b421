/**
 * The room directory (GET /api/v1/rooms): open public rooms, soonest session first, filtered by
 * language and experience; joining one (POST /api/v1/conversations/:id/members) takes the member
 * into it. Rooms the member is already in say "Open" instead of "Join".
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useLocation } from "wouter";
import { api } from "../../api/client";
import type { RoomListing } from "../../api/types";
import { useLocaleChoice, useT } from "../../i18n/I18nProvider";
import { Page } from "../../ui/Page";
import { generalErrorMessage } from "../../ui/form-errors";
import { useExperiences } from "../onboarding/ExperienceChoice";
import { languageName, roomLanguages } from "./room-languages";
import { scheduleParts } from "./schedule-text";

export default function Rooms() {
  const t = useT();
  const { locale } = useLocaleChoice();
  const [language, setLanguage] = useState("");
  const [experience, setExperience] = useState("");
  const experiences = useExperiences();
  const rooms = useQuery({
    queryKey: ["rooms", language, experience],
    queryFn: () => api.rooms({ language: language || undefined, experience: experience || undefined }),
  });
  const mine = useQuery({ queryKey: ["conversations"], queryFn: api.conversations });
  const joined = new Set((mine.data?.conversations ?? []).map((c) => c.id));
  const labelOf = (id: string) => experiences.data?.experiences.find((e) => e.id === id)?.label ?? id;

  return (
    <Page title={t("rooms.title")}>
      <p>{t("rooms.intro")}</p>
      <p>
        <Link href="/rooms/new" className="button secondary">
          {t("rooms.create")}
        </Link>
      </p>
      <form className="filters" role="search" aria-label={t("rooms.filtersLabel")} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="rooms-language">{t("rooms.language")}</label>
          <select id="rooms-language" value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="">{t("rooms.anyLanguage")}</option>
            {roomLanguages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rooms-experience">{t("rooms.experience")}</label>
          <select id="rooms-experience" value={experience} onChange={(event) => setExperience(event.target.value)}>
            <option value="">{t("rooms.anyExperience")}</option>
            {(experiences.data?.experiences ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <section aria-labelledby="rooms-found" aria-busy={rooms.isFetching}>
        <h2 id="rooms-found">{rooms.data ? t("rooms.found", { count: rooms.data.rooms.length }) : t("rooms.foundTitle")}</h2>
        {rooms.isPending ? <p>{t("app.loading")}</p> : null}
        {rooms.isError ? <p>{generalErrorMessage(rooms.error, t)}</p> : null}
        {rooms.data?.rooms.length === 0 ? <p>{t("rooms.none")}</p> : null}
        <ul className="plain-list">
          {(rooms.data?.rooms ?? []).map((room) => (
            <li key={room.id}>
              <RoomCard room={room} joined={joined.has(room.id)} experienceLabel={labelOf} />
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function RoomCard({ room, joined, experienceLabel }: { room: RoomListing; joined: boolean; experienceLabel(id: string): string }) {
  const t = useT();
  const { locale } = useLocaleChoice();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const title = room.title ?? t("conversations.untitledGroup");
  const href = `/conversations/${encodeURIComponent(room.id)}`;
  const next = room.nextSessionAt
    ? new Intl.DateTimeFormat(locale, { weekday: "long", hour: "numeric", minute: "2-digit" }).format(new Date(room.nextSessionAt))
    : null;
  return (
    <article aria-labelledby={titleId} className="room-card">
      <h3 id={titleId}>{title}</h3>
      {room.topic ? <p>{room.topic}</p> : null}
      <ul className="facts">
        {room.language ? <li>{t("rooms.inLanguage", { language: languageName(room.language, locale) })}</li> : null}
        {room.experiences.length ? (
          <li>{t("rooms.about", { experiences: new Intl.ListFormat(locale).format(room.experiences.map(experienceLabel)) })}</li>
        ) : null}
        {room.schedule ? <li>{t("room.meets", scheduleParts(room.schedule, locale))}</li> : null}
        {next ? <li>{t("rooms.next", { when: next })}</li> : null}
        <li>{t("rooms.memberCount", { count: room.memberCount })}</li>
      </ul>
      {joined ? (
        <Link href={href} className="button secondary" aria-label={t("rooms.openNamed", { title })}>
          {t("rooms.open")}
        </Link>
      ) : (
        <button
          type="button"
          className="button"
          aria-label={t("rooms.joinNamed", { title })}
          onClick={async () => {
            setError(null);
            try {
              await api.joinRoom(room.id);
              await queryClient.invalidateQueries({ queryKey: ["conversations"] });
              navigate(href);
            } catch (caught) {
              setError(generalErrorMessage(caught, t));
            }
          }}
        >
          {t("rooms.join")}
        </button>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </article>
  );
}
