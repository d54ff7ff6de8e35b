import type { KyInstance, Options } from 'ky';

type KyModule = typeof import('ky');

let loading: Promise<KyModule> | undefined;

/**
 * ky, loaded on the first request rather than at import: importing ky makes Node load its fetch
 * implementation (ky tests what it supports by making a `Request`), 40 to 50 ms that an app
 * importing this package at start-up need not wait for. The first request needs it anyway.
 */
export const loadKy = (): Promise<KyModule> => {
  loading ??= import('ky');
  return loading;
};

/** The ky instance of a sender, made on its first request. */
export type LazyKy = () => Promise<KyInstance>;

/** A ky instance made with `options` on first use. */
export function lazyKy(options: Options): LazyKy {
  let instance: Promise<KyInstance> | undefined;
  return () => {
    instance ??= loadKy().then(({ default: ky }) => ky.create(options));
    return instance;
  };
}
