/**
 * Every screen and its address. Each feature is its own chunk (React.lazy), so the sign-in
 * page loads only what it needs.
 */
import { type ReactNode, Suspense, lazy, useLayoutEffect } from "react";
import { Redirect, Route, Switch, useLocation, useSearch } from "wouter";
import { useT } from "../i18n/I18nProvider";
import { returnTo } from "../features/auth/return-to";
import { useMe } from "../features/auth/session";
import { Welcome } from "../features/home/Welcome";

/** Each screen's chunk, by the first segment of its address (or the first two, when they differ). */
const chunks = {
  "sign-in": () => import("../features/auth/SignIn"),
  "sign-up": () => import("../features/auth/SignUp"),
  recover: () => import("../features/auth/Recover"),
  "recovery-codes": () => import("../features/auth/RecoveryCodes"),
  "under-18": () => import("../features/auth/UnderAge"),
  "signed-out": () => import("../features/auth/SignedOut"),
  welcome: () => import("../features/onboarding/Onboarding"),
  home: () => import("../features/home/Home"),
  settings: () => import("../features/settings/Sessions"),
  "settings/data": () => import("../features/settings/YourData"),
  "account-deleted": () => import("../features/settings/AccountDeleted"),
  "settings/blocked": () => import("../features/settings/Blocked"),
  conversations: () => import("../features/conversation/Conversation"),
  guide: () => import("../features/support/Guide"),
  admin: () => import("../features/admin/CrisisLines"),
  rooms: () => import("../features/rooms/Rooms"),
  "rooms/new": () => import("../features/rooms/CreateRoom"),
  invite: () => import("../features/rooms/AcceptInvite"),
};

// Start fetching the first screen's chunk now, alongside the language and the session check,
// instead of after them: the page is usable sooner on a slow connection.
const [, first = "", second = ""] = location.pathname.split("/");
void (chunks[`${first}/${second}` as keyof typeof chunks] ?? chunks[first as keyof typeof chunks])?.();

const SignIn = lazy(chunks["sign-in"]);
const SignUp = lazy(chunks["sign-up"]);
const Recover = lazy(chunks.recover);
const RecoveryCodes = lazy(chunks["recovery-codes"]);
const UnderAge = lazy(chunks["under-18"]);
const SignedOut = lazy(chunks["signed-out"]);
const Onboarding = lazy(chunks.welcome);
const Home = lazy(chunks.home);
const Sessions = lazy(chunks.settings);
const YourData = lazy(chunks["settings/data"]);
const AccountDeleted = lazy(chunks["account-deleted"]);
const Blocked = lazy(chunks["settings/blocked"]);
const Conversation = lazy(chunks.conversations);
const Guide = lazy(chunks.guide);
const CrisisLines = lazy(chunks.admin);
const Rooms = lazy(chunks.rooms);
const CreateRoom = lazy(chunks["rooms/new"]);
const AcceptInvite = lazy(chunks.invite);
const NotFound = lazy(() => import("./NotFound"));

function Loading() {
  const t = useT();
  return <p>{t("app.loading")}</p>;
}

/**
 * Sends a signed-out visitor to sign in, remembering in the tab's storage (never in the address)
 * where they were going, so that signing in or joining takes them back there.
 */
function ToSignIn() {
  const [path, navigate] = useLocation();
  const search = useSearch();
  useLayoutEffect(() => {
    returnTo.remember(search ? `${path}?${search}` : path);
    navigate("/sign-in", { replace: true });
  }, [path, search, navigate]);
  return null;
}

/** Screens for members only: signed-out visitors are sent to sign in. */
function SignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data) return <ToSignIn />;
  return <>{children}</>;
}

/** Screens for visitors only: a signed-in member goes home instead. */
function SignedOutOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data) return <Redirect to="/home" replace />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <SignedOutOnly>
            <Welcome />
          </SignedOutOnly>
        </Route>
        <Route path="/sign-in">
          <SignedOutOnly>
            <SignIn />
          </SignedOutOnly>
        </Route>
        <Route path="/sign-up">
          <SignedOutOnly>
            <SignUp />
          </SignedOutOnly>
        </Route>
        <Route path="/recover">
          <SignedOutOnly>
            <Recover />
          </SignedOutOnly>
        </Route>
        <Route path="/under-18" component={UnderAge} />
        <Route path="/signed-out" component={SignedOut} />
        <Route path="/account-deleted" component={AccountDeleted} />
        <Route path="/recovery-codes">
          <SignedIn>
            <RecoveryCodes />
          </SignedIn>
        </Route>
        <Route path="/welcome">
          <SignedIn>
            <Onboarding />
          </SignedIn>
        </Route>
        <Route path="/home">
          <SignedIn>
            <Home />
          </SignedIn>
        </Route>
        <Route path="/settings/sessions">
          <SignedIn>
            <Sessions />
          </SignedIn>
        </Route>
        <Route path="/settings/data">
          <SignedIn>
            <YourData />
          </SignedIn>
        </Route>
        <Route path="/settings/blocked">
          <SignedIn>
            <Blocked />
          </SignedIn>
        </Route>
        <Route path="/guide" component={Guide} />
        <Route path="/admin/crisis-lines">
          <SignedIn>
            <CrisisLines />
          </SignedIn>
        </Route>
        <Route path="/conversations/:id">
          {(params) => (
            <SignedIn>
              <Conversation id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/rooms">
          <SignedIn>
            <Rooms />
          </SignedIn>
        </Route>
        <Route path="/rooms/new">
          <SignedIn>
            <CreateRoom />
          </SignedIn>
        </Route>
        <Route path="/invite/:code">
          {(params) => (
            <SignedIn>
              <AcceptInvite code={params.code} />
            </SignedIn>
          )}
        </Route>
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
