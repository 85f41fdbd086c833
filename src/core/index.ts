// The pure domain: no I/O, no clock, no framework. Import from here in web code.
export * from './errors';
export * from './roles';
export * from './permissions';
export * from './actor';
export * from './password-policy';
