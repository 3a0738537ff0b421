/**
 * Every screen and its address. Each feature is its own chunk (React.lazy), so the sign-in
 * page loads only what it needs.
 */
import { type ReactNode, Suspense, lazy } from "react";
import { Redirect, Route, Switch } from "wouter";
import { useT } from "../i18n/I18nProvider";
import { useMe } from "../features/auth/session";
import { Welcome } from "../features/home/Welcome";

const SignIn = lazy(() => import("../features/auth/SignIn"));
const SignUp = lazy(() => import("../features/auth/SignUp"));
const Recover = lazy(() => import("../features/auth/Recover"));
const RecoveryCodes = lazy(() => import("../features/auth/RecoveryCodes"));
const UnderAge = lazy(() => import("../features/auth/UnderAge"));
const SignedOut = lazy(() => import("../features/auth/SignedOut"));
const Onboarding = lazy(() => import("../features/onboarding/Onboarding"));
const Home = lazy(() => import("../features/home/Home"));
const Sessions = lazy(() => import("../features/settings/Sessions"));
const Conversation = lazy(() => import("../features/conversation/Conversation"));
const NotFound = lazy(() => import("./NotFound"));

function Loading() {
  const t = useT();
  return <p>{t("app.loading")}</p>;
}

/** Screens for members only: signed-out visitors are sent to sign in. */
function SignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Redirect to="/sign-in" replace />;
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
        <Route path="/conversations/:id">
          {(params) => (
            <SignedIn>
              <Conversation id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
