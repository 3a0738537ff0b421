/**
 * The one i18n layer: react-intl (ICU MessageFormat, so plurals and placeholders are in the
 * catalogue, never built by joining strings). Also keeps <html lang> in step for screen readers.
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from "react";
import { IntlProvider, useIntl } from "react-intl";
import { type Locale, type MessageKey, type Messages, initialLocale, loadMessages, rememberLocale } from "./locales";

interface LocaleChoice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleChoice>({ locale: "en", setLocale: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [messages, setMessages] = useState<{ locale: Locale; messages: Messages } | null>(null);

  useEffect(() => {
    let current = true;
    void loadMessages(locale).then((loaded) => {
      if (current) setMessages({ locale, messages: loaded });
    });
    document.documentElement.lang = locale;
    return () => {
      current = false;
    };
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  // Until the first catalogue arrives there is nothing worth showing; it is a few kilobytes.
  if (!messages) return null;
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider locale={messages.locale} messages={messages.messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocaleChoice(): LocaleChoice {
  return useContext(LocaleContext);
}

export type Translate = (key: MessageKey, values?: Record<string, string | number | Date>) => string;

/** `t("home.waited", {minutes: 3})`: keys are checked against the English catalogue at compile time. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((key, values) => intl.formatMessage({ id: key }, values), [intl]);
}
