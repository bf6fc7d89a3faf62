// Types of scripts/build.mjs for the TypeScript that imports it (bench/startup.ts).
import type { BuildOptions } from 'esbuild';

export const SERVER_ENTRY: string;
export const WEB_ENTRY: string;
export const EXTERNAL_PACKAGES: string[];
export function serverBuildOptions(): BuildOptions;
export function scriptBuildOptions(): BuildOptions;
export function buildServer(): Promise<void>;
export function buildWeb(): void;
export function serverStale(): boolean;
export function webStale(): boolean;
export function newest(paths: string[], skip?: (path: string) => boolean): number;
