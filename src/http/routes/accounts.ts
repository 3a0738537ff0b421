/** Sign-up, recovery, sign-in and out, sessions, and my profile (protocol.md "Authentication"). */
import { handleKey } from "../../domain/accounts/handle.js";
import { KindredError } from "../../protocol/errors.js";
import { accountRoutes as r } from "../../protocol/rest/accounts.js";
import { clearSessionCookie, memberOf, setSessionCookie } from "../auth.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function accountRoutes(app: App, s: Services): void {
  /**
   * POST /api/v1/accounts → 201 {user, token, recoveryCodes} + cookie.
   * The age check comes first and writes nothing: an under-age attempt leaves no
   * row, no counter keyed by handle, and no log line with the handle or date.
   */
  app.route({
    ...routeOptions(r.signUp),
    handler: async (request, reply) => {
      await s.limits.consume(["signUpPerAddress", request.ip]);
      await s.accounts.checkSignUp(request.body);
      // Counted only after the age check, so an under-age attempt leaves no counter keyed by its handle.
      await s.limits.consume(["signUpPerHandle", handleKey(request.body.handle)]);
      const result = await s.accounts.doSignUp(request.body);
      setSessionCookie(reply, request, s.config, result.token);
      return reply.code(201).send(result);
    },
  });

  /** POST /api/v1/accounts/recover → {user, token, recoveryCodes}; the code is single-use and every older session and code ends. */
  app.route({
    ...routeOptions(r.recover),
    handler: async (request, reply) => {
      const body = request.body;
      await s.limits.consume(["recoverPerAddress", request.ip], ["recoverPerHandle", handleKey(body.handle)]);
      const result = await s.accounts.recover(body.handle, body.recoveryCode, body.newPassword);
      setSessionCookie(reply, request, s.config, result.token);
      return reply.code(200).send(result);
    },
  });

  /** POST /api/v1/sessions → {user, token}; unknown handle and wrong password look the same. */
  app.route({
    ...routeOptions(r.signIn),
    handler: async (request, reply) => {
      const body = request.body;
      await s.limits.consume(["signInPerAddress", request.ip], ["signInPerHandle", handleKey(body.handle)]);
      const result = await s.accounts.signIn(body.handle, body.password);
      setSessionCookie(reply, request, s.config, result.token);
      return reply.code(200).send(result);
    },
  });

  /** GET /api/v1/sessions → {sessions}, the current one marked. */
  app.route({
    ...routeOptions(r.listSessions),
    handler: async (request) => {
      const me = memberOf(request);
      const rows = await s.accounts.sessions.list(me.user.id);
      const iso = (ms: number) => new Date(ms).toISOString();
      return {
        sessions: rows.map((row) => ({
          id: row.id,
          createdAt: iso(row.created_at),
          lastUsedAt: iso(row.last_used_at),
          expiresAt: iso(row.expires_at),
          current: row.id === me.session.id,
        })),
      };
    },
  });

  /** DELETE /api/v1/sessions/current → 204; the token stops working at once. */
  app.route({
    ...routeOptions(r.endCurrentSession),
    handler: async (request, reply) => {
      const me = memberOf(request);
      await s.accounts.sessions.end(me.user.id, me.session.id);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  });

  /** DELETE /api/v1/sessions/others → {ended}: sign out everywhere else. */
  app.route({
    ...routeOptions(r.endOtherSessions),
    handler: async (request) => {
      const me = memberOf(request);
      return { ended: await s.accounts.sessions.endOthers(me.user.id, me.session.id) };
    },
  });

  /** DELETE /api/v1/sessions/:id → 204; ends another of the member's own sessions. */
  app.route({
    ...routeOptions(r.endSession),
    handler: async (request, reply) => {
      const me = memberOf(request);
      const { id } = request.params;
      if (!(await s.accounts.sessions.end(me.user.id, id))) throw new KindredError("NOT_FOUND");
      if (id === me.session.id) clearSessionCookie(reply);
      return reply.code(204).send();
    },
  });

  /** GET /api/v1/me → {user}, with `shift` while I am on duty as a supporter. */
  app.route({
    ...routeOptions(r.me),
    handler: async (request) => {
      const me = memberOf(request);
      return { user: { ...(await s.accounts.view(me.user)), shift: await s.shifts.shiftOf(me.user.id) } };
    },
  });

  /**
   * PATCH /api/v1/me → {user}; validates every field before writing any.
   * `onDuty` starts or ends a supporter's shift (shifts.ts); others: FORBIDDEN.
   */
  app.route({
    ...routeOptions(r.updateMe),
    handler: async (request) => {
      const me = memberOf(request);
      const { onDuty, ...patch } = request.body;
      await s.accounts.checkUpdateProfile(me.user.id, request.body);
      await s.accounts.doUpdateProfile(me.user.id, patch);
      if (onDuty !== undefined) await s.shifts.setOnDuty(me.user.id, onDuty);
      if (patch.availability === "listen" || patch.availability === "either") s.listenerFreed(me.user.id);
      return { user: { ...(await s.accounts.getUser(me.user.id)), shift: await s.shifts.shiftOf(me.user.id) } };
    },
  });
}
