/**
 * The origin (`https://host:port`) and the path with its query (`/?A=1`) of a request URL,
 * without a URL parser: a signed request's URL is always `origin` then `/?query` or `?query`,
 * and parsing it whole for every message costs more than the rest of this split.
 */
export function splitRequestUrl(url: string): { origin: string; path: string } {
  let end = url.indexOf('//') + 2;
  while (end < url.length && url[end] !== '/' && url[end] !== '?') end += 1;
  return {
    origin: url.slice(0, end),
    path: url[end] === '/' ? url.slice(end) : `/${url.slice(end)}`,
  };
}
