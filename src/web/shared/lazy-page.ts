// React.lazy with its loader exposed, so the code of the page being opened can start loading before React asks.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type PreloadableComponent<P = object> = LazyExoticComponent<ComponentType<P>> & {
  preload: () => Promise<unknown>;
};

export function lazyPage<P = object>(load: () => Promise<{ default: ComponentType<P> }>): PreloadableComponent<P> {
  return Object.assign(lazy(load), { preload: load });
}
