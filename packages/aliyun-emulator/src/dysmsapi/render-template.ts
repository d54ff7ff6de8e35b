import type { Route } from './read-phone-number.js';

/** The template text with each `${name}` replaced by its parameter. */
export const renderTemplate = (text: string, params: Readonly<Record<string, string>>): string =>
  text.replace(/\$\{([^}]*)\}/g, (_placeholder, name: string) => params[name] ?? '');

/**
 * The message as a phone shows it: `【sign】text` for mainland China, `[sign] text` for
 * international messages.
 */
export const withSign = (text: string, signName: string, route: Route): string =>
  route === 'china' ? `【${signName}】${text}` : `[${signName}] ${text}`;
