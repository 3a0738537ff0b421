/** Providers around the whole client: the REST cache, the language, the router and the shell. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { meKey, fetchMe } from "../features/auth/session";
import { I18nProvider } from "../i18n/I18nProvider";
import { AppRoutes } from "./AppRoutes";
import { Shell } from "./Shell";
import { SocketLifecycle } from "./SocketLifecycle";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network trouble and 5xx might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// Ask who is signed in at once, while the language loads, rather than after it.
void queryClient.prefetchQuery({ queryKey: meKey, queryFn: fetchMe });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SocketLifecycle />
        <Shell>
          <AppRoutes />
        </Shell>
      </I18nProvider>
    </QueryClientProvider>
  );
}
