// The New DKMS Package templates live with the language service, shared with `specwright new dkms`.
export * from '../../server/src/service/scaffold/dkmsPackage';
