/**
 * Which of a provider's two worlds a destination belongs to. `china` is mainland China only;
 * everything else, Hong Kong, Macau and Taiwan included, is `overseas`. The words are those of
 * the template config `templateCode: { china, overseas }`.
 */
export type Route = 'china' | 'overseas';

/** Both routes, mainland China first. */
export const routes = ['china', 'overseas'] as const satisfies readonly Route[];
