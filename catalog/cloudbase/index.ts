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
  isErrorBody: isCloudBaseErrorBody,
});
