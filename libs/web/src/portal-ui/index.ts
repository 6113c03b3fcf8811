export * from './cookies';
export * from './csrf';
export * from './security-headers';
export * from './static-assets';
export * from './view-renderer';
export * from './page-or-fragment';
export * from './pci-guard';
export * from './form';
