import type { CatalogText } from '../../src/catalog-types.js';

/** Easemob: what each status and error means and what to do next, in English. */
export const easemobEn: CatalogText = {
  catalog: 'easemob',
  lang: 'en',
  rows: {
    '400': [
      "Bad request: the server cannot understand the request's syntax.",
      'Check the URL, headers and JSON body against the API reference; see error_description.',
    ],
    '401': [
      'Unauthorized: the request needs authentication; endpoints that need a token may answer this.',
      'Send a valid App Token as Authorization: Bearer <token>; get a new one if it expired.',
    ],
    '403': [
      'Forbidden: the server refuses the request. For groups and chat rooms, the call breaks their rules, e.g. adding a user who is already a member or removing one who is not.',
      'Read error_description and fix the call (check membership and roles first); retrying will not help.',
    ],
    '404': [
      'Not found: the server cannot find the requested endpoint.',
      "Check the endpoint path, org_name/app_name and the REST host of your app's cluster.",
    ],
    '405': [
      'Wrong method: use GET, POST etc. exactly as the Easemob API reference says.',
      'Use the HTTP method the Easemob API reference gives for this endpoint.',
    ],
    '408': [
      'Request timeout: the server timed out waiting for the request.',
      'Retry idempotent calls with backoff; check that a write (e.g. a sent message) did not take effect first.',
    ],
    '413': [
      'Request body too large: it exceeds 5 KB; split it into smaller requests and retry.',
      'Split the payload into smaller requests; resending it whole fails again.',
    ],
    '415': [
      'The request body type is not supported.',
      'Send Content-Type: application/json and a valid JSON body.',
    ],
    '429': [
      'Rate limited: the API call rate limit was exceeded, or a Community edition limit was reached (contact sales if needed).',
      'Back off and lower the call rate; if it never clears, a plan limit is hit: contact Easemob sales.',
    ],
    '500': [
      'Internal server error: the server hit an error and could not complete the request.',
      'Retry idempotent calls a few times; if it persists, log it and contact Easemob support.',
    ],
    '501': [
      'Not implemented: the server lacks the function needed, e.g. it does not recognise the request method.',
      'Use the HTTP method the Easemob API reference gives for this endpoint.',
    ],
    '502': [
      'Bad gateway: acting as a gateway or proxy, the server got an invalid response from upstream.',
      'Retry idempotent calls with backoff; check writes took no effect before repeating them.',
    ],
    '503': [
      'Service unavailable.',
      'Retry with backoff; if it lasts, check the Easemob status page or contact support.',
    ],
    '504': [
      'Gateway timeout: acting as a gateway or proxy, the server did not get a timely answer from upstream.',
      'Retry idempotent calls with backoff; check that a write (e.g. a sent message) did not take effect first.',
    ],
    '400 invalid_grant': [
      'Wrong username or password.',
      'Check the username and password; do not retry the same credentials.',
    ],
    '400 invalid_grant does not match': [
      '"client_id does not match": the client_id is wrong; "client_secret does not match": the client_secret is wrong. Both are on the Application Details page of the Easemob console.',
      'Copy client_id and client_secret from Application Details in the Easemob console.',
    ],
    '400 json_parse': [
      'The request body is not valid JSON, so the server cannot parse it.',
      'Serialize the body with JSON.stringify and send Content-Type: application/json.',
    ],
    '400 illegal_argument property named username': [
      'The register-user request has no user ID (username).',
      'Add or correct the field named in error_description, then send again.',
    ],
    '400 illegal_argument password or pin': [
      'The register-user request has no password, or an empty one.',
      'Add or correct the field named in error_description, then send again.',
    ],
    '400 illegal_argument newpassword': [
      'The change-password body has no newpassword property.',
      'Add or correct the field named in error_description, then send again.',
    ],
    '400 illegal_argument oldpassword': [
      'The change-password body has no oldPassword property.',
      'Add or correct the field named in error_description, then send again.',
    ],
    '400 illegal_argument group member': [
      'When adding group members in bulk, username1 does not exist.',
      'Register that user first, or drop it from the list and add the others.',
    ],
    '400 illegal_argument invalid request': [
      'Invalid request: check that the URL, headers and body match what the API expects; curl helps to test.',
      'Compare the URL, headers and body with the API reference; reproduce with curl to find the difference.',
    ],
    '400 illegal_argument be empty': [
      'The message sender (from) is empty. Omitted, it defaults to admin.',
      'Set from to a valid user ID, or leave it out to send as admin.',
    ],
    '400 illegal_argument target_type': [
      'When sending a message, target_type may only be users, chatgroups or chatrooms; any other value gives this error.',
      'Set target_type to users, chatgroups or chatrooms.',
    ],
    '400 illegal_argument not legal': [
      'The username given at registration is not valid (see User System Integration).',
      'Use a user ID of at most 64 letters, digits, "_", "-" or "." as the registration rules require.',
    ],
    '400 illegal_argument chatmessage request': [
      'Wrong time format in a message-history query: use YYYYMMDDHH, e.g. 2018020912 for 12:00–13:00 on 9 Feb 2018.',
      'Format the time as YYYYMMDDHH, e.g. 2018020912.',
    ],
    '400 illegal_argument history is expired': [
      'The message history asked for has not been generated yet or has expired; retention depends on the initial settings.',
      'Ask for an hour inside the retention period; the latest hour may not be generated yet, so query it later.',
    ],
    '400 invalid_parameter': [
      'Unsupported field when modifying a group, e.g. groupid; only the name, description and maximum members can be changed.',
      'Send only groupname, description and maxusers.',
    ],
    '400 required_property_not_found': [
      'The change-password request has no user ID (username).',
      'Add or correct the field named in error_description, then send again.',
    ],
    '400 duplicate_unique_property_exists': [
      'The user ID already exists at registration; pick another. In a batch, one existing ID stops all the others from being registered: remove it and call again.',
      'Pick another user ID; in a batch, remove the existing IDs and register the rest again.',
    ],
    '400 illegal_argument too large': [
      'The message body exceeds 40 KB; split it into smaller requests.',
      'Keep each message under 40 KB: split it, or upload large content as a file and send its URL.',
    ],
    '400 set presence failed': [
      'Setting the presence status failed.',
      'Retry once or twice; if it keeps failing, contact Easemob support.',
    ],
    '400 ext is too big': [
      'The presence extension (ext) is too long.',
      'Shorten ext to within the length limit.',
    ],
    '400 resource not exist': [
      'The device resource does not exist.',
      'Use the resource (device) ID of a device that is logged in.',
    ],
    "400 you can't sub yourself": [
      'A user cannot subscribe to their own presence.',
      "Remove the user's own ID from the list.",
    ],
    '400 too many sub presence': [
      'Too many users to subscribe to.',
      'Subscribe to fewer users per call; at the total cap, unsubscribe users you no longer follow.',
    ],
    '400 too many get presences': [
      'Too many users in one presence query.',
      'Split the user list into smaller batches.',
    ],
    '400 too many unsub presences': [
      'Too many users to unsubscribe from in one call.',
      'Split the user list into smaller batches.',
    ],
    '400 too many queries': [
      'Too many queries: the query limit was exceeded.',
      'Query less often and back off before retrying.',
    ],
    '401 unauthorized': [
      'The App Token of the REST call has expired or is missing (all endpoints except user registration).',
      'Get a new App Token (POST /{org}/{app}/token), retry once, and renew it before expires_in runs out.',
    ],
    '401 unauthorized registration': [
      'In authorized-registration mode, registering one or many users without an App Token, or with a wrong one (e.g. expired or malformed).',
      'Register users from your server with a fresh App Token (refresh, retry once), or enable open registration in the console.',
    ],
    '401 auth_bad_access_token': [
      'The App Token is well-formed but was not issued by the server receiving it, so it is not recognised (all endpoints except user registration).',
      'Use a token issued by the same app and cluster as the REST host (check AppKey and base URL).',
    ],
    '401 auth_bad_access_token corrupt': [
      'The App Token is malformed (all endpoints except user registration).',
      'Send the token unaltered as Authorization: Bearer <token>, or get a new one.',
    ],
    '403 forbidden_op': [
      'Forbidden: the server refuses the request. For groups and chat rooms, the call breaks their rules, e.g. adding a user who is already a member or removing one who is not.',
      'Read error_description and fix the call (check membership and roles first); retrying will not help.',
    ],
    '403 forbidden_op already in group': [
      'The user being added is already in the group or chat room.',
      'Treat it as done, or check membership before adding.',
    ],
    '403 forbidden_op are not members': [
      'The user being removed is not in the group or chat room.',
      'Treat it as done, or refresh the member list before removing.',
    ],
    '403 forbidden_op exist in group': [
      'The user to hand the group to is not a member of it.',
      'Add the user to the group first, then hand it over.',
    ],
    '403 forbidden_op owner are the same': [
      'The user to hand the group to already owns it.',
      'Nothing to do: the user already owns the group.',
    ],
    '403 forbidden_op group owner': [
      'This operation may not target the group owner, e.g. blocking the owner.',
      'Leave the owner out of this operation, or transfer ownership first.',
    ],
    '403 forbidden_op joined too many': [
      'The user has joined too many groups or chat rooms.',
      'Leave some groups or chat rooms first, or ask Easemob to raise the per-user limit.',
    ],
    '403 forbidden_op create too many': [
      'The group or chat room is full (the error text speaks of the app creating too many groups/chat rooms).',
      'Raise maxusers or the plan (Easemob sales), or remove unused members and groups.',
    ],
    '404 organization_application_not_found': [
      'hx/hxdeo2 is wrong or does not exist, or the base URL names the wrong cluster (VIP-cluster AppKeys only); it must be orgname/appname, i.e. the AppKey with "#" replaced by "/".',
      'Use orgname/appname from the AppKey (# → /) and the REST host shown in the console.',
    ],
    '404 service_resource_not_found': [
      'The resource in the URL does not exist: the user, group or chat room, depending on the endpoint.\nThe username does not exist. If the user list still shows it, that is stale data: delete it by uuid, then create the username again.\nThe username to delete does not exist. If the user list still shows it, delete it by its uuid instead.',
      'Check the user, group or chat room ID; create it first if it should exist. If the user list still shows a username the API says does not exist, that is stale data: delete it by uuid, then recreate it if needed.',
    ],
    '404 storage_object_not_found': [
      'No message history for that hour. If you are sure there were messages, contact Easemob support.',
      'Treat it as no messages in that hour; if there were some, write to support@easemob.com.',
    ],
    '413 Request Entity Too Large': [
      'Request body too large, e.g. an uploaded file; split it into smaller requests and retry.',
      'Split the payload into smaller requests; resending it whole fails again.',
    ],
    '415 web_application': [
      'Unsupported body type: check the Content-Type: application/json header, that the body is valid JSON, and that no headers the endpoint does not take are sent.',
      'Send Content-Type: application/json and a valid JSON body.',
    ],
    '429 resource_limited': [
      'The Free edition limit is exceeded; contact Easemob sales to enable another edition.',
      'Retrying will not help: upgrade the plan via Easemob sales or cut usage.',
    ],
    '429 reach_limit': [
      'The Chat RESTful API call rate limit is exceeded.',
      'Back off (honour Retry-After), then retry; spread or batch calls.',
    ],
    '500 no_full_text_index': [
      'username has no full-text index, so the contains operator cannot be used on it.',
      'Query users by exact username instead of contains.',
    ],
    '500 unsupported_service_operation': [
      'The request URL does not support this HTTP method.',
      'Use the HTTP method the Easemob API reference gives for this endpoint.',
    ],
    '500 web_application': [
      'The request URL is wrong.',
      'Check the URL path against the API reference (org/app, resource names, path segments).',
    ],
  },
};
