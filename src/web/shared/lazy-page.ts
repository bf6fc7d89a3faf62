// React.lazy with its loader exposed, so the code of the page being opened can start loading before React asks —
// and, once that code is there, rendered at once instead of through React.lazy. React.lazy suspends on its first
// render even when the module has long been loaded, and React 19 holds every Suspense reveal until 300 ms after the
// last fallback was shown: the nested lazy layout, guard and page of a workspace address each added up to that.
import { type ComponentType, createElement, type LazyExoticComponent, lazy } from 'react';

export type PreloadableComponent<P = object> = ComponentType<P> & {
  preload: () => Promise<unknown>;
};

export function lazyPage<P extends object = object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): PreloadableComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        loading = undefined; // a failed chunk load may be retried (the error page offers 刷新)
        throw error;
      },
    );
    return loading;
  };
  const Lazy: LazyExoticComponent<ComponentType<P>> = lazy(preload);
  const render = (props: P) => createElement((loaded ?? Lazy) as ComponentType<P>, props);
  return Object.assign(render, { preload, displayName: 'LazyPage' });
}
