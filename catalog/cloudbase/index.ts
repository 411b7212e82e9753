/** `faultline/catalog/cloudbase`: Tencent CloudBase (云开发) as a provider value. */
import { defineProvider } from '../../src/provider.js';
import { cloudbaseDecisions } from './decisions.js';
import { isCloudBaseBody, isCloudBaseErrorBody, readCloudBaseError } from './readers.js';

export const cloudbase = /* @__PURE__ */ defineProvider({
  name: 'cloudbase',
  decisions: cloudbaseDecisions,
  hosts: ['.tcloudbase.com', '.tcloudbaseapp.com', '.tcb.qcloud.la', '.service.tcloudbase.com'],
  requestHeaders: ['x-cloudbase-credentials', 'x-tcb-region', 'x-sdk-version'],
  isOwnBody: isCloudBaseBody,
  readers: [readCloudBaseError],
  requestIdHeaders: ['x-tcb-request-id', 'x-cloudbase-request-id'],
  // A Tencent Cloud SecretId (AKID and 32 characters) and the JWT access tokens the SDKs send as
  // Bearer, where an error text quotes them without a name (the TC3 Authorization line and
  // access_token= are redacted by name).
  secrets: [/\bAKID[A-Za-z0-9]{16,64}\b/g, /\beyJ[\w-]{8,512}\.[\w-]{8,4096}\.[\w-]{8,1024}/g],
  isErrorBody: isCloudBaseErrorBody,
});
