import type { CatalogText } from '../../src/catalog-types.js';

/** Parse: the document's description of each code (rows sharing a code joined by ' / ') and advice, in English. */
export const parseEn: CatalogText = {
  catalog: 'parse',
  lang: 'en',
  rows: {
    '101': [
      'Invalid login parameters. Check error message for more details. / The specified object or session doesn’t exist or could not be found. Can also indicate that you do not have the necessary permissions to read or write this object. Check error message for more details.',
      'On login, ask for the credentials again; else check the objectId and its ACL.',
    ],
    '102': [
      'There is a problem with the parameters used to construct this query. This could be an invalid field name or an invalid field type for a specific constraint. Check error message for more details.',
      'Check field names and value types against the schema.',
    ],
    '103': [
      'Missing or invalid classname. Classnames are case-sensitive. They must start with a letter, and a-zA-Z0-9_ are the only valid characters.',
      'Start the name with a letter and use only a-zA-Z0-9_.',
    ],
    '104': [
      'An unspecified object id.',
      'Save the object, or set its objectId, first.',
    ],
    '105': [
      'An invalid field name. Keys are case-sensitive. They must start with a letter, and a-zA-Z0-9_ are the only valid characters. Some field names may be reserved. Check error message for more details.',
      'Start the name with a letter and use only a-zA-Z0-9_.',
    ],
    '106': [
      'A malformed pointer was used. You would typically only see this if you have modified a client SDK.',
      'Build pointers with the SDK; undo changes to its encoding.',
    ],
    '107': [
      'Badly formed JSON was received upstream. This either indicates you have done something unusual with modifying how things encode to JSON, or the network is failing badly. Can also indicate an invalid utf-8 string or use of multiple form encoded values. Check error message for more details.',
      'Send JSON.stringify output as UTF-8 application/json.',
    ],
    '108': [
      'The feature you tried to access is only available internally for testing purposes.',
      'Use the public API instead.',
    ],
    '109': [
      'You must call Parse.initialize before using the Parse library. Check the Quick Start guide for your platform.',
      'Call Parse.initialize() and set serverURL at startup.',
    ],
    '116': [
      'The object is too large. Parse Objects have a max size of 128 kilobytes. / You have reached the limit of 100 config parameters.',
      'Move big data to a Parse.File; delete unused config params.',
    ],
    '117': [
      'An invalid value was set for the limit. Check error message for more details.',
      'Pass a non-negative integer.',
    ],
    '118': [
      'An invalid value was set for skip. Check error message for more details.',
      'Pass a non-negative integer.',
    ],
    '119': [
      'The operation isn’t allowed for clients due to class-level permissions. Check error message for more details.',
      'Grant it in the class-level permissions, or do it in Cloud Code with the master key.',
    ],
    '120': [
      'The result was not found in the cache.',
      'Fall back to a network query.',
    ],
    '121': [
      'An invalid key was used in a nested JSONObject. Check error message for more details.',
      'Nested keys must not start with $ or contain a dot.',
    ],
    '123': [
      'An invalid ACL was provided.',
      'Build the ACL with Parse.ACL.',
    ],
    '125': [
      'The email address was invalid.',
      'Ask the user to correct the email.',
    ],
    '137': [
      'Unique field was given a value that is already taken.',
      'Pick another value, or update the object that has it.',
    ],
    '139': [
      'Role’s name is invalid. / Field value is reserved.',
      'Use letters, digits, space, - and _ in role names; avoid reserved values.',
    ],
    '140': [
      'You have reached the quota on the number of classes in your app. Please delete some classes if you need to add a new class.',
      'Delete unused classes, or reuse one with a type field.',
    ],
    '141': [
      'Cloud Code script failed. Usually points to a JavaScript error. Check error message for more details. / Cloud function not found. Check that the specified Cloud function is present in your Cloud Code script and has been deployed. / Background job not found. Check that the specified job is present in your Cloud Code script and has been deployed. / success/error was not called. A cloud function will return once response.success() or response.error() is called. A background job will similarly finish execution once status.success() or status.error() is called. If a function or job never reaches either of the success/error methods, this error will be returned. This may happen when a function does not handle an error response correctly, preventing code execution from reaching the success() method call. / Can’t call success/error multiple times. A cloud function will return once response.success() or response.error() is called. A background job will similarly finish execution once status.success() or status.error() is called. If a function or job calls success() and/or error() more than once in a single execution path, this error will be returned.',
      'Read the Cloud Code logs; fix the throw, or deploy the function.',
    ],
    '142': [
      'Cloud Code validation failed.',
      "Show the validator's message to the user.",
    ],
    '143': [
      'Webhook error. / Product purchase receipt is missing.',
      "Check the webhook's logs; send the purchase receipt.",
    ],
    '150': [
      'Invalid image data.',
      'Upload a complete image in a supported format.',
    ],
    '151': [
      'An unsaved file.',
      'Await file.save() before using the file.',
    ],
    '152': [
      'An invalid push time was specified.',
      'Set push_time to a future ISO 8601 date.',
    ],
    '158': [
      'Hosting error.',
      'Retry idempotent requests a few times; if it persists, read the server logs.',
    ],
    '160': [
      'The provided analytics event name is invalid.',
      'Use a plain, non-empty event name.',
    ],
    '255': [
      'Class is not empty and cannot be dropped.',
      'Delete its objects first.',
    ],
    '256': [
      'App name is invalid.',
      'Pick another app name.',
    ],
    '902': [
      'The request is missing an API key.',
      'Send the app id and the client key the server is configured with.',
    ],
    '903': [
      'The request is using an invalid API key.',
      'Send the app id and the client key the server is configured with.',
    ],
    '111': [
      'A field was set to an inconsistent type. Check error message for more details.',
      'Send the type the schema has for this field.',
    ],
    '112': [
      'Invalid channel name. A channel name is either an empty string (the broadcast channel) or contains only a-zA-Z0-9_ characters and starts with a letter.',
      'Start the name with a letter and use only a-zA-Z0-9_.',
    ],
    '113': [
      'Bad subscription type. Check error message for more details.',
      'Set channels as an array of strings.',
    ],
    '114': [
      'The provided device token is invalid.',
      'Re-register for push and save the new deviceToken.',
    ],
    '115': [
      'Push is misconfigured in your app. Check error message for more details. / Can’t set channels for a query-targeted push. You can fix this by moving the channels into your push query constraints. / Can’t set device type for a query-targeted push. You can fix this by incorporating the device type constraints into your push query. / Push is missing a ‘data’ field. / Non-query push is missing a ‘channels’ field. Fix by passing a ‘channels’ or ‘query’ field. / Client-initiated push is not enabled. Check your Parse app’s push notification settings. / REST-initiated push is not enabled. Check your Parse app’s push notification settings. / Client-initiated push cannot use the “uri” option. / Your push query or data payload is too large. Check error message for more details.',
      "Check the server's push config, then fix the payload as the message says.",
    ],
    '138': [
      'Invalid expiration value.',
      'Use a future expiration_time or a positive expiration_interval.',
    ],
    '156': [
      'A push id is missing. Deprecated.',
      'Upgrade the client SDK.',
    ],
    '157': [
      'The device type field is missing. Deprecated.',
      'Set deviceType on the Installation.',
    ],
    '122': [
      'An invalid filename was used for Parse File. A valid file name contains only a-zA-Z0-9_. characters and is between 1 and 128 characters.',
      'Sanitize the file name before upload.',
    ],
    '126': [
      'Missing content type.',
      'Let the SDK or fetch set the content headers of uploads.',
    ],
    '127': [
      'Missing content length.',
      'Let the SDK or fetch set the content headers of uploads.',
    ],
    '128': [
      'Invalid content length.',
      'Let the SDK or fetch set the content headers of uploads.',
    ],
    '129': [
      'File size exceeds maximum allowed.',
      'Shrink the file or raise maxUploadSize.',
    ],
    '130': [
      'Error saving a file.',
      "Check the server's files adapter, then upload again.",
    ],
    '131': [
      'File could not be deleted.',
      'Delete with the master key; check the files adapter.',
    ],
    '132': [
      'Invalid installation id.',
      'Let the SDK create the Installation; do not set these fields by hand.',
    ],
    '133': [
      'Invalid device type.',
      'Let the SDK create the Installation; do not set these fields by hand.',
    ],
    '134': [
      'Invalid channels array value.',
      'Let the SDK create the Installation; do not set these fields by hand.',
    ],
    '135': [
      'Required field is missing.',
      'Set the field the message names.',
    ],
    '136': [
      'An immutable field was changed.',
      'Leave the field as created, or make a new object.',
    ],
    '144': [
      'Product purchase receipt is invalid.',
      'Refresh the receipt on the device.',
    ],
    '145': [
      'Payment is disabled on this device.',
      'Tell the user purchases are restricted here.',
    ],
    '146': [
      'The product identifier is invalid.',
      'Use the exact product id from App Store Connect.',
    ],
    '147': [
      'The product is not found in the App Store.',
      'Use the exact product id from App Store Connect.',
    ],
    '148': [
      'The Apple server response is not valid.',
      'Back off, then retry later.',
    ],
    '149': [
      'The product fails to download due to file system error.',
      'Check free space on the device, then retry.',
    ],
    '200': [
      'The username is missing or empty.',
      'Require both username and password in the form.',
    ],
    '201': [
      'The password is missing or empty.',
      'Require both username and password in the form.',
    ],
    '202': [
      'The username has already been taken.',
      'Ask for another username or offer login.',
    ],
    '203': [
      'Email has already been used.',
      'Offer login or password reset for that email.',
    ],
    '204': [
      'The email is missing, and must be specified.',
      'Collect the email before signup.',
    ],
    '205': [
      'A user with the specified email was not found.',
      'Check for typos or offer signup.',
    ],
    '206': [
      'A user object without a valid session could not be altered.',
      'Log in as that user (or use the master key) first.',
    ],
    '207': [
      'A user can only be created through signup.',
      'Use Parse.User.signUp(), not save().',
    ],
    '208': [
      'An account being linked is already linked to another user.',
      'Log in with it, or unlink it from the other user.',
    ],
    '209': [
      'The device’s session token is no longer valid. The application should ask the user to log in again.',
      'Clear the session, log the user in again, retry once.',
    ],
    '250': [
      'A user cannot be linked to an account because that account’s id could not be found.',
      "Put the provider's user id in authData.",
    ],
    '251': [
      'A user with a linked (e.g. Facebook or Twitter) account has an invalid session. Check error message for more details. / Invalid auth data value used. / Anonymous id is not a valid lowercase UUID. / The supplied Facebook session token is expired or invalid. / A user with a linked Facebook account has an invalid session. / Unacceptable Facebook application id. / Twitter credential verification failed. / Submitted Twitter id does not match the id associated with the submitted access token. / Submitted Twitter handle does not match the handle associated with the submitted access token. / Twitter credentials could not be verified due to problems accessing the Twitter API.',
      "Redo the provider login for fresh authData; check the server's provider app id.",
    ],
    '252': [
      'A service being linked (e.g. Facebook or Twitter) is unsupported. Check error message for more details. / Authentication by username and password is not supported for this application. Check your Parse app’s authentication settings. / Anonymous users are not supported for this application. Check your Parse app’s authentication settings. / Authentication by Facebook is not supported for this application. Check your Parse app’s authentication settings. / Authentication by Twitter is not supported for this application. Check your Parse app’s authentication settings.',
      'Enable that login method on the server, or hide it.',
    ],
    '253': [
      'An invalid authData value was passed. Check error message for more details.',
      'Send authData in the shape its adapter expects.',
    ],
    '999': [
      'Linking to an external account not supported yet with signup_or_login. Use update instead.',
      'Link via user.linkWith() on the logged-in user.',
    ],
    '100': [
      'The connection to the Parse servers failed.',
      'Check connectivity and serverURL; retry writes only with X-Parse-Request-Id set.',
    ],
    '600': [
      'There were multiple errors. Aggregate errors have an “errors” property, which is an array of error objects with more detail about each error that occurred.',
      'Handle each item of error.errors by its code.',
    ],
    '601': [
      'Unable to read input for a Parse File on the client.',
      'Pass a readable File, Blob or base64.',
    ],
    '602': [
      'A real error code is unavailable because we had to use an XDomainRequest object to allow CORS requests in Internet Explorer, which strips the body from HTTP responses that have a non-2XX status code.',
      'Reproduce in a modern browser, or read the server logs.',
    ],
    '124': [
      'The request was slow and timed out. Typically this indicates that the request is too expensive to run. You may see this when a Cloud function did not finish before timing out, or when a`Parse.Cloud.httpRequest`connection times out.',
      'Make the work cheaper (index, page, background job).',
    ],
    '154': [
      'An inefficient query was rejected by the server. Refer to the Performance Guide and slow query log.',
      'Add an index or avoid $regex/$ne/$nin scans.',
    ],
    '155': [
      'This application has exceeded its request limit (legacy Parse.com apps only).',
      'Back off, then send fewer requests (batch, cache).',
    ],
    '159': [
      'A duplicate request: the server already processed a request with this X-Parse-Request-Id and discarded this one (legacy Parse.com used 159 for a temporary rejection).',
      'The first attempt was applied: fetch the object (or query for it) instead of sending the write again.',
    ],
    '428': [
      'You should migrate your database as soon as possible (legacy Parse.com apps only).',
      'Migrate to your own Parse Server.',
    ],
    '-1': [
      'An unknown error or an error unrelated to Parse occurred.',
      "Inspect the error's cause: Parse did not produce it.",
    ],
    '1': [
      'Internal server error. No information available.',
      'Retry idempotent requests a few times; if it persists, read the server logs.',
    ],
    '2': [
      'The service is currently unavailable.',
      'Retry with backoff; if it lasts, check Parse Server and its database.',
    ],
    '4': [
      'Connection failure.',
      'Check connectivity and serverURL; retry writes only with X-Parse-Request-Id set.',
    ],
  },
};
