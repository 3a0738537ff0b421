/** Sign-up and recovery (protocol.md "Authentication"). */
import type { FastifyInstance } from "fastify";
import { handleKey } from "../../domain/accounts/handle.js";
import { recoverBody, signUpBody } from "../../protocol/http/accounts.js";
import { parseInput } from "../../protocol/validate.js";
import { setSessionCookie } from "../auth.js";
import type { Services } from "../services.js";

export function registerAccountRoutes(app: FastifyInstance, s: Services): void {
  /**
   * POST /api/v1/accounts → 201 {user, token, recoveryCodes} + cookie.
   * The age check comes first and writes nothing: an under-age attempt leaves no
   * row, no counter keyed by handle, and no log line with the handle or date.
   */
  app.post("/api/v1/accounts", async (request, reply) => {
    const body = parseInput(signUpBody, request.body);
    await s.limits.consume(["signUpPerAddress", request.ip]);
    await s.accounts.checkSignUp(body);
    // Counted only after the age check, so an under-age attempt leaves no counter keyed by its handle.
    await s.limits.consume(["signUpPerHandle", handleKey(body.handle)]);
    const result = await s.accounts.doSignUp(body);
    setSessionCookie(reply, request, s.config, result.token);
    return reply.code(201).send(result);
  });

  /**
   * POST /api/v1/accounts/recover → 200 {user, token, recoveryCodes}. The code is
   * single-use; all older sessions and codes stop working.
   */
  app.post("/api/v1/accounts/recover", async (request, reply) => {
    const body = parseInput(recoverBody, request.body);
    await s.limits.consume(["recoverPerAddress", request.ip], ["recoverPerHandle", handleKey(body.handle)]);
    const result = await s.accounts.recover(body.handle, body.recoveryCode, body.newPassword);
    setSessionCookie(reply, request, s.config, result.token);
    return reply.send(result);
  });
}
