// Public entry point of the validation library (SPEC §5–§6).
export * from './columns.ts';
export * from './conac.ts';
export * from './email.ts';
export * from './icp.ts';
export * from './mobile.ts';
export * from './office-phone.ts';
export * from './provinces.ts';
export * from './psb.ts';
export * from './punycode.ts';
export * from './result.ts';
export * from './url.ts';
