/**
 * Accounts for adults (protocol.md "Authentication"). Each operation is split in
 * two: `check*` validates and decides with no side effects and throws typed
 * errors; `do*` writes. The HTTP layer has already validated shapes and applied
 * rate limits before anything here hashes a password.
 */
import { newId } from "../../store/ids.js";
import { KindredError, badRequest } from "../../protocol/errors.js";
import type { SignUpBody, UpdateMeBody } from "../../protocol/rest/accounts.js";
import { type Store, isUniqueViolation } from "../../store/database.js";
import type { UserRow, UserUpdate } from "../../store/schema.js";
import { isAdultOn, isInFuture, parseCalendarDate, utcDate } from "./age.js";
import { handleKey } from "./handle.js";
import { type PasswordHasher, checkPasswordStrength } from "./passwords.js";
import { rolesOf } from "./roles.js";
import type { Role } from "../../store/schema.js";
import { hashRecoveryCode, newRecoveryCode, recoveryCodeCount } from "./secrets.js";
import type { Sessions } from "./sessions.js";
import { defaultLanguage, languagesOf, setLanguages } from "./languages.js";
import { type UserView, toUserView } from "./user-view.js";
import type { Experiences } from "../experiences/experiences.js";

export interface SignedIn {
  user: UserView;
  token: string;
}

export interface SignedUp extends SignedIn {
  recoveryCodes: string[];
}

export class Accounts {
  constructor(
    private readonly db: Store,
    private readonly hasher: PasswordHasher,
    readonly sessions: Sessions,
    private readonly experiences: Experiences,
    private readonly agreementVersion: string,
  ) {}

  /**
   * POST /api/v1/accounts, the deciding half. Under 18 → UNDER_AGE, decided from
   * the request alone so that nothing about the attempt is ever written.
   */
  async checkSignUp(input: SignUpBody, now = new Date()): Promise<void> {
    const birth = parseCalendarDate(input.birthDate);
    const today = utcDate(now);
    if (!birth || birth.year < 1900 || isInFuture(birth, today)) {
      throw badRequest("birthDate", "a real date of birth as YYYY-MM-DD");
    }
    if (!isAdultOn(birth, today)) throw new KindredError("UNDER_AGE");
    checkPasswordStrength(input.password);
    if (await this.findByHandle(input.handle)) throw new KindredError("HANDLE_TAKEN");
  }

  /** POST /api/v1/accounts, the writing half: one transaction for the member, codes and session. */
  async doSignUp(input: SignUpBody, now = Date.now()): Promise<SignedUp> {
    const passwordHash = await this.hasher.hash(input.password);
    const row: UserRow = {
      id: newId(now),
      handle: input.handle,
      handle_key: handleKey(input.handle),
      display_name: null,
      about: null,
      availability: "away",
      region: null,
      on_duty: 0,
      password_hash: passwordHash,
      adult_attested_at: now,
      agreement_version: this.agreementVersion,
      agreement_accepted_at: now,
      created_at: now,
      listening_in: null,
      available_since: null,
    };
    const recoveryCodes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    try {
      const token = await this.db.transaction().execute(async (trx) => {
        await trx.insertInto("users").values(row).execute();
        await setLanguages(trx, row.id, [defaultLanguage]);
        await this.insertRecoveryCodes(trx, row.id, recoveryCodes, now);
        return (await this.sessions.create(trx, row.id, now)).token;
      });
      return { user: toUserView(row, [], [], [defaultLanguage]), token, recoveryCodes };
    } catch (err) {
      // Two sign-ups racing for one handle: the database decides.
      if (isUniqueViolation(err)) throw new KindredError("HANDLE_TAKEN");
      throw err;
    }
  }

  /**
   * POST /api/v1/sessions. Unknown handle and wrong password give the same
   * error after the same amount of hashing work. Rehashes when the cost rose.
   */
  async signIn(handle: string, password: string, now = Date.now()): Promise<SignedIn> {
    const user = await this.findByHandle(handle);
    const ok = user ? await this.hasher.verify(user.password_hash, password) : await this.hasher.verifyNothing(password);
    if (!user || !ok) throw new KindredError("UNAUTHENTICATED", { message: "That handle and password don't match." });
    const rehash = this.hasher.needsRehash(user.password_hash) ? await this.hasher.hash(password) : undefined;
    const token = await this.db.transaction().execute(async (trx) => {
      if (rehash) await trx.updateTable("users").set({ password_hash: rehash }).where("id", "=", user.id).execute();
      return (await this.sessions.create(trx, user.id, now)).token;
    });
    return { user: await this.view(user), token };
  }

  /**
   * POST /api/v1/accounts/recover. The code is consumed atomically (a code can
   * win only once, even under concurrent use); every session and every other
   * code ends; ten new codes are returned.
   */
  async recover(handle: string, code: string, newPassword: string, now = Date.now()): Promise<SignedUp> {
    checkPasswordStrength(newPassword, "newPassword");
    const user = await this.findByHandle(handle);
    const failure = new KindredError("UNAUTHENTICATED", { message: "That handle and recovery code don't match." });
    if (!user) throw failure;
    const passwordHash = await this.hasher.hash(newPassword);
    const recoveryCodes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    const token = await this.db.transaction().execute(async (trx) => {
      const used = await trx.deleteFrom("recovery_codes").where("user_id", "=", user.id).where("code_hash", "=", hashRecoveryCode(code)).executeTakeFirst();
      if (used.numDeletedRows !== 1n) return null;
      await trx.deleteFrom("recovery_codes").where("user_id", "=", user.id).execute();
      await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
      await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", user.id).execute();
      await this.insertRecoveryCodes(trx, user.id, recoveryCodes, now);
      return (await this.sessions.create(trx, user.id, now)).token;
    });
    if (!token) throw failure;
    this.sessions.endedAll(user.id);
    return { user: await this.view(user), token, recoveryCodes };
  }

  /** Is this the member's password? For steps that ask again although signed in (deleting the account). */
  async passwordMatches(userId: string, password: string): Promise<boolean> {
    const row = await this.db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
    return row ? this.hasher.verify(row.password_hash, password) : this.hasher.verifyNothing(password);
  }

  async getUser(userId: string): Promise<UserView> {
    const row = await this.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
    if (!row) throw new KindredError("NOT_FOUND");
    return this.view(row);
  }

  /** PATCH /api/v1/me, the deciding half: only supporters may go on duty; tags must be on offer. */
  async checkUpdateProfile(userId: string, patch: UpdateMeBody): Promise<void> {
    if (patch.experiences !== undefined) await this.experiences.checkChoice(userId, patch.experiences);
    if (patch.onDuty === true && !(await rolesOf(this.db, userId)).includes("supporter")) {
      throw new KindredError("FORBIDDEN", {
        message: "Only peer supporters can go on duty.",
        details: { field: "onDuty" },
      });
    }
  }

  /** PATCH /api/v1/me, the writing half. */
  async doUpdateProfile(userId: string, patch: UpdateMeBody): Promise<UserView> {
    const update: UserUpdate = {};
    if (patch.displayName !== undefined) update.display_name = patch.displayName;
    if (patch.about !== undefined) update.about = patch.about || null;
    if (patch.availability !== undefined) {
      // Setting availability again frees a listener from their last match (protocol.md "Experiences and matching").
      update.availability = patch.availability;
      update.listening_in = null;
      update.available_since = patch.availability === "listen" || patch.availability === "either" ? Date.now() : null;
    }
    if (patch.region !== undefined) update.region = patch.region;
    if (patch.onDuty !== undefined) update.on_duty = patch.onDuty ? 1 : 0;
    await this.db.transaction().execute(async (trx) => {
      if (Object.keys(update).length > 0) await trx.updateTable("users").set(update).where("id", "=", userId).execute();
      if (patch.experiences !== undefined) await this.experiences.setForUser(trx, userId, patch.experiences);
      if (patch.languages !== undefined) await setLanguages(trx, userId, patch.languages);
    });
    return this.getUser(userId);
  }

  private findByHandle(handle: string): Promise<UserRow | undefined> {
    return this.db.selectFrom("users").selectAll().where("handle_key", "=", handleKey(handle)).executeTakeFirst();
  }

  /** Read from the store on every call, so a role granted or revoked on the command line holds at once. */
  async hasRole(userId: string, role: Role): Promise<boolean> {
    return (await rolesOf(this.db, userId)).includes(role);
  }

  async view(row: UserRow): Promise<UserView> {
    return toUserView(row, await rolesOf(this.db, row.id), await this.experiences.ofUser(row.id), await languagesOf(this.db, row.id));
  }

  private async insertRecoveryCodes(trx: Store, userId: string, codes: string[], now: number): Promise<void> {
    await trx
      .insertInto("recovery_codes")
      .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c), created_at: now })))
      .execute();
  }
}
