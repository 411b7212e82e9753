import type { CatalogText } from '../../src/catalog-types.js';

/** LeanCloud: what each code means (the page's 含义 in English) and what to do next. */
export const leancloudEn: CatalogText = {
  catalog: 'leancloud',
  lang: 'en',
  rows: {
    '0': [
      'The WebSocket closed normally, which can happen when the server restarts or the local network fails. The SDK reconnects automatically; no action needed.',
      'Nothing to do; investigate only if it drops again right after connecting.',
    ],
    '1': [
      "Internal server error or bad parameters: usually wrong parameters were passed, or a runtime error not defined in this document; all are reported as code 1. The message sometimes names the cause, e.g. 'International SMS is disabled, please enable it in console.' means an international SMS was sent while the console switch for it is off.",
      'Fix the parameter or turn on the console switch the message names; if it persists, open a ticket with the request ID.',
    ],
    '100': [
      'Could not open a TCP connection to the LeanCloud servers, usually because of a network failure or a server outage; see the health status page for server status.',
      "A POST may already have been applied, so don't resend it blindly; check the device's network.",
    ],
    '101': [
      'The object does not exist, or the password is incorrect.',
      'Check the class, objectId (or Pointer target) exist and the ACL lets this user read them; for a login, ask the user to re-enter the password.',
    ],
    '103': [
      'Invalid class name. Class names are case-sensitive, must start with a letter, and may contain only letters, digits and underscores.',
      'Use a class name that starts with a letter, has only letters, digits and _, and matches the existing case.',
    ],
    '104': [
      'objectId is missing: usually none was passed to a query, or it is malformed. An objectId is a string of letters and digits only.',
      'Pass the objectId of a saved object (letters and digits only); save the object first if it has none.',
    ],
    '105': [
      'Invalid key name, i.e. an invalid column name of the class. Column names must start with a letter and may contain only letters, digits and underscores.',
      'Rename the field to start with a letter and use only letters, digits and _.',
    ],
    '106': [
      "Invalid Pointer format: a Pointer must be a JSON object like {className: 'Post', objectId:'xxxxxx'}.",
      "Send Pointers as {__type: 'Pointer', className, objectId}, or build them with the SDK's createWithoutData.",
    ],
    '107': [
      'Invalid JSON object: the JSON data could not be parsed.',
      'Send a valid JSON object with Content-Type: application/json; look for unescaped characters or a truncated body.',
    ],
    '108': [
      'This API is for internal use only.',
      'Stop calling this endpoint; use the documented public API for the feature.',
    ],
    '109': [
      'The shared class has no permission for this operation; check the class sharing permissions.',
      "Allow this operation in the shared class's sharing settings in the console, or run it in the app that owns the class.",
    ],
    '111': [
      "The value to store does not match the column's type; check the column types in your data browser and whether the stored data matches them.",
      "Convert the value to the column's type (see the class schema in the console), or change the column type if the data model changed.",
    ],
    '112': [
      'Invalid push channel: a channel name may contain only letters, digits, underscore (_), hyphen (-), equals sign (=) and Chinese characters (CJK unified ideographs). An empty channel name means broadcast.',
      'Strip other characters (spaces, dots, emoji) from the channel name.',
    ],
    '113': [
      'A field of the class is set as required and the saved object lacks it.',
      'Set every required field before saving, or make the field optional in the console.',
    ],
    '114': [
      'The deviceToken stored for iOS push is invalid; see the iOS push guide for how to save an installation.',
      'Save the APNs device token the device got in the current environment (development or production) as a hex string.',
    ],
    '116': [
      'The object exceeds the size limit; a single object may be at most 16 MB.',
      'Move large data into files or split it across objects.',
    ],
    '117': [
      'The key being updated is read-only and cannot be updated.',
      'Drop read-only fields (e.g. objectId, createdAt) from the update.',
    ],
    '119': [
      'This operation cannot be initiated from a client. Using the hint in the error message and the operation that caused it, find the matching service setting in the app console and enable the option, e.g. Console > Built-in accounts > Settings, Console > SMS > Settings, Console > Settings > Security center > Service switches.',
      'Turn on the matching switch in the console, or run the operation server-side with the master key.',
    ],
    '120': [
      'The query result was not found in the cache: returned when the SDK queries from the cache and the cache misses.',
      'Use a cache policy that falls back to the network (e.g. CacheElseNetwork), or query the network.',
    ],
    '121': [
      "Key names in a JSON object may not contain '$' or '.'.",
      "Rename keys containing '$' or '.', or store such data as a string or an array of pairs.",
    ],
    '122': [
      'Invalid file name: only letters, digits and underscores are allowed, 1 to 36 characters long.',
      'Use a valid file name; keep the original name in metadata if needed.',
    ],
    '123': [
      "Malformed ACL. This should not happen if you use the SDK's AVACL class; see the REST API for the correct ACL format.",
      'Build ACLs with the SDK\'s ACL class, or send {"<userId>|*|role:<name>": {"read": true, "write": true}}.',
    ],
    '124': [
      'Request timeout: no response within a limit (10 s by default), usually due to a network failure or an operation that takes too long.',
      'If it recurs, make the operation cheaper (indexes, narrower queries, smaller batches).',
    ],
    '125': [
      'The email address is invalid.',
      'Validate the email format on the client and ask the user to correct it.',
    ],
    '126': [
      'Invalid user ID; the user may not exist.',
      "Check the user's objectId is correct and the user still exists.",
    ],
    '127': [
      'The mobile phone number is invalid.',
      'Ask the user to correct the number; send non-mainland numbers with their country code (+…).',
    ],
    '128': [
      'Invalid Relation data, usually because the Relation objects added or removed are empty or too many (over 1000 at once).',
      'Add or remove at most 1000 per request; send larger changes in batches.',
    ],
    '137': [
      'Violates a unique index constraint of the class: tried to save a duplicate value.',
      'Use a different value, or fetch and update the object that already holds it.',
    ],
    '139': [
      'Invalid role name: role names may contain only letters, digits and underscores.',
      'Rename the role using only letters, digits and _.',
    ],
    '140': [
      "Usually the developer plan's quota was exceeded, e.g. the limit of 30,000 API calls per day or the LeanEngine domain binding limit; upgrading to the business plan solves it.",
      'Raise the API request quota in the console or upgrade the plan.',
    ],
    '141': [
      'LeanEngine call timed out. The error message names the class and hook.',
      'Make the named hook or function finish faster (fewer sequential queries, slow work in a queue).',
    ],
    '142': [
      'LeanEngine validation error, usually because a hook such as beforeSave or beforeDelete returned an error. The Error detail in the message gives the cause; e.g. Application not found usually means the hook call failed because the LeanEngine instance was asleep.',
      'Fix the data the hook rejected; for Application not found, wake or redeploy the LeanEngine instance.',
    ],
    '145': [
      'Payment is not enabled on this device.',
      'Enable payments on the device or in its store settings, or hide the payment option when it is unavailable.',
    ],
    '150': [
      'Failed to convert the data to an image.',
      'Check the data is a complete, valid image file before converting it.',
    ],
    '154': [
      "An application threshold was exceeded, including daily SMS spending over the cap (settable in the console) and the app's total number of classes over the limit.",
      'Raise the threshold in the console or delete unused classes.',
    ],
    '160': [
      'Insufficient account balance.',
      'Top up the account in the console.',
    ],
    '200': [
      'No username was provided, or the username is empty.',
      'Send a non-empty username.',
    ],
    '201': [
      'No password was provided, or the password is empty.',
      'Send a non-empty password.',
    ],
    '202': [
      'The username is already taken.',
      'Ask the user for another username, or to log in to the existing account.',
    ],
    '203': [
      'The email address is already taken.',
      'Ask the user to log in with that email or use another one.',
    ],
    '204': [
      'No email address was provided.',
      'Send the email field (e.g. for password reset or email verification).',
    ],
    '205': [
      'No user was found for the email address.',
      'Ask the user to check the email or sign up first.',
    ],
    '206': [
      'No session was provided, so the user cannot be modified; usually a user who is not logged in tries to modify it. Modifying a user requires login, unless the master key is used in LeanEngine.',
      'Log the user in and send their session token (X-LC-Session).',
    ],
    '207': [
      'Users can only be created by signing up; third-party login is not allowed.',
      'Create the user with signUp first, then link the third-party account to it.',
    ],
    '208': [
      'The third-party account is already linked to a user and cannot be linked to another.',
      'Log in with that third-party account instead, or unlink it from the other user first.',
    ],
    '210': [
      'The username and password do not match.',
      'Ask the user to re-enter or reset the password; repeated failures lock the account (219).',
    ],
    '211': [
      'The user could not be found.',
      'Check the username, phone number or auth data; offer sign-up if the account does not exist.',
    ],
    '212': [
      'Please provide a mobile phone number.',
      'Send the mobilePhoneNumber field.',
    ],
    '213': [
      'No user exists for the mobile phone number.',
      'Ask the user to check the number or sign up with it first.',
    ],
    '214': [
      'The mobile phone number is already registered.',
      'Log in with that number (e.g. by SMS code) or use another number.',
    ],
    '215': [
      'The mobile phone number is not verified.',
      'Have the user verify the number (request a verification SMS and submit the code) first.',
    ],
    '216': [
      'The email address is not verified.',
      'Have the user open the verification link first (resend it with requestEmailVerify).',
    ],
    '217': [
      'Invalid username: blank usernames are not allowed.',
      'Trim the username and reject blank input before sending.',
    ],
    '218': [
      'Invalid password: blank passwords are not allowed.',
      'Reject blank passwords before sending.',
    ],
    '219': [
      'If a user fails to log in more than 6 times within 15 minutes, the cloud temporarily locks the account. The lock is lifted automatically 15 minutes after the last failed login. To unlock at once, reset the password and then log in.',
      "Don't retry automatically: tell the user to wait 15 minutes or to reset the password.",
    ],
    '221': [
      "The user's follow relationship does not exist; follow first.",
      'Follow the user before operating on the relationship.',
    ],
    '250': [
      'The linked third-party account returned no unique user ID.',
      "Include the platform's user ID (e.g. uid or openid) in authData.",
    ],
    '251': [
      'Invalid account link, usually caused by an invalid access token.',
      'Re-authorize with the third-party platform for a fresh access token, then log in or link again.',
    ],
    '252': [
      'Invalid WeChat authorization info.',
      'Re-authorize with WeChat for a fresh access_token and openid, and check the WeChat AppID and secret in the console.',
    ],
    '300': [
      'CQL syntax error. See the detailed CQL syntax guide.',
      'Fix the statement per the CQL guide; pass values through ? placeholders instead of string concatenation.',
    ],
    '301': [
      'Creating the object failed, usually a data format problem.',
      "Check the field values' types and formats against the class schema.",
    ],
    '302': [
      'Invalid GeoPoint: longitude must be between -180.0 and 180.0 and latitude between -90.0 and 90.0.',
      'Check latitude and longitude are in range and not swapped.',
    ],
    '303': [
      'Writing to the database failed, generally a data format or internal error; the error usually carries more specific information.',
      'Read the detailed message: fix the data if it names a format problem; open a ticket if it persists.',
    ],
    '304': [
      'Data operation error, generally a syntax error or an internal exception; contact us promptly.',
      'Check the query syntax; open a ticket with the request ID if it persists.',
    ],
    '305': [
      'Updating or deleting objects by the where condition had no effect, usually because the condition was not met.',
      'Re-fetch the object and check the where condition (e.g. a version field) still holds before updating again.',
    ],
    '401': [
      'Unauthorized access: no App ID was provided, or the App ID and App Key check failed; check the configuration.',
      'Check the App ID, App Key and server URL the SDK is initialized with match the app in the console.',
    ],
    '403': [
      'Forbidden because the class does not have the read or write permission enabled. Go to Console > Data Storage > Structured Data, click the class and adjust it on the Permissions page at the top.\nThe user is not logged in, so the user info cannot be modified.',
      "Open the class's read/write permission or fix the ACL; to modify a user, log in first.",
    ],
    '413': [
      "Request entity too large: the request's total size far exceeds the limit of the called API. See that API's documentation for the exact limit; for websites hosted on LeanEngine, see the LeanEngine docs.",
      "Shrink the request below the endpoint's limit: upload large data as files, split batches.",
    ],
    '429': [
      "The app's flow control limit was exceeded, i.e. the maximum number of worker threads the app may use at once, or the data requests it can handle concurrently. Console > Data Storage > Usage shows request statistics such as average worker threads and response time. Business or enterprise plan users can contact us to adjust the worker thread count.",
      'Lower the request concurrency.',
    ],
    '430': [
      'REST API file upload rate limit exceeded: the REST API allows one upload per second and at most 30 per minute. Uploads via the SDK are unlimited and faster. For large batch uploads use the upload command of the LeanEngine CLI.',
      'Upload with the SDK instead.',
    ],
    '431': [
      "LeanEngine hook call rate limit exceeded; almost no app hits it. If you do, contact us. See the app's hook requests under Console > Data Storage > Structured Data > a class > Hooks.",
      'Cut the writes that fire hooks (batch them).',
    ],
    '502': [
      'The server is under maintenance.',
      'If it lasts, watch the status page.',
    ],
    '503': [
      'The app is temporarily disabled or read-only, usually for maintenance or incident handling; developers are told in advance. If a LeanEngine call fails, the staging environment or trial instance may have been forced to sleep; wait a few seconds and retry.',
      'If it lasts, check your maintenance notices.',
    ],
    '504': [
      "The app's structured data storage was archived after a long time without access; reactivate it yourself in the LeanCloud console. If that fails, contact us via a ticket or the forum.",
      'Restore (activate) the app in the console, then resend.',
    ],
    '511': [
      'The requested API is temporarily unavailable; retry later. Usually operations work has blocked an API for a while; it recovers by itself after some time, or contact us.',
      'Contact support if it lasts.',
    ],
    '524': [
      'The web server failed to communicate with the backend app server, generally because an app server is faulty; the web server removes that instance within seconds. If you see 524 often, contact us. A cloud function timeout can also cause 524; see the docs for fixes.',
      'If a cloud function is slow, make it finish within the timeout or run it in the background.',
    ],
    '529': [
      'The current IP exceeded the concurrency limit: an error page with HTTP status 529 when using LeanEngine. LeanEngine limits connections per IP very loosely, so this should not normally happen; if it occurs outside a load test, contact us.',
      'Reduce concurrent connections from this IP.',
    ],
    '600': [
      'Invalid SMS signature; see the SMS signature guidelines for the requirements.',
      'Use an SMS signature that follows the rules and is created and approved in the console.',
    ],
    '601': [
      'Sending SMS too frequently. Each SMS type has its own sending limits and content controls. We strongly recommend a captcha or a countdown so users cannot request codes repeatedly, and to guard against SMS code attacks.',
      "Don't resend automatically: show a countdown and add a captcha.",
    ],
    '602': [
      'Sending the SMS or voice verification code failed: the SMS provider returned an error. If the phone number is correct, contact us.',
      "Check the number is valid and reachable; don't auto-resend (it may duplicate), and contact support if the number is fine.",
    ],
    '603': [
      'Invalid SMS verification code, usually mismatched or expired. Submitting the same code again also returns 603.',
      'Ask the user to re-enter the code or request a new one; never resubmit a code that already succeeded.',
    ],
    '604': [
      'The custom SMS template cannot be found; check the template name, and that it was created and approved.',
      'Use the exact template name from the console, and wait until it is approved.',
    ],
    '605': [
      'The SMS template has not been approved.\nNo default signature is set. Go to Console > SMS > Settings and set a default SMS signature.',
      'Wait for the template to be approved, and set an approved default signature.',
    ],
    '606': [
      'Rendering the SMS template failed, usually a template syntax problem; our SMS templates support only Handlebars syntax.',
      "Fix the template's Handlebars syntax and pass every variable it uses.",
    ],
    '608': [
      "The token required by the captcha feature is missing. Integrate it as described in 'Enable the captcha service', or turn off 'Require a captcha for SMS verification' in the SMS settings of the app console.",
      'Pass a captcha first and send its validate_token, or turn the captcha requirement off.',
    ],
    '700': [
      'Invalid query or sort field; make sure the fields you query or sort on exist in the class.',
      'Query and sort only on columns that exist in the class (check spelling and case).',
    ],
    '1006': [
      'The WebSocket connection closed abnormally, usually where router settings limit long-lived connections. The SDK reconnects automatically; no action needed.',
      'If it recurs, check proxies or routers that cut long-lived connections, and keep the heartbeat on.',
    ],
    '2100': [
      'The leaderboard does not exist; create it first.',
      'Create the leaderboard (statisticName) before updating scores.',
    ],
    '2101': [
      'The leaderboard has expired and is closed.',
      'Write to the current version of the leaderboard; a closed one takes no more scores.',
    ],
    '2102': [
      'The leaderboard archive does not exist.',
      "List the leaderboard's archives first and request one of the returned versions.",
    ],
    '2103': [
      'Invalid Leaderboard object.',
      'Create the Leaderboard object through the SDK from an existing statisticName, not by hand.',
    ],
    '4100': [
      'The app does not exist or has disabled the IM service.',
      'Check the App ID and enable Instant Messaging for the app in the console.',
    ],
    '4101': [
      'The same device logged in to the push service twice. This code is unrelated to the IM service.',
      'Keep one push service connection per device; do not reconnect the duplicate.',
    ],
    '4102': [
      'Login signature verification failed.',
      'Check your signing server: sign as documented, with the right key and a fresh timestamp and nonce.',
    ],
    '4103': [
      'Malformed client ID: longer than 64 characters.',
      "Use a client ID of at most 64 characters (e.g. the user's objectId).",
    ],
    '4105': [
      'A message was sent, or another operation done, before the session was opened. A common mistake is sending right after calling open session; do it in the session open callback instead.',
      'Wait for the client login (open) to finish before sending or querying; queue calls until then.',
    ],
    '4106': [
      'The user is blacklisted and banned from the IM service.',
      'If the ban is a mistake, remove the client ID from the blacklist in the console or via the REST API.',
    ],
    '4107': [
      'Read timeout: the server received no data from the client for a long time and cut the connection. The SDK has a built-in heartbeat, so this usually means a network problem. The SDK reconnects automatically; no action needed.',
      'Keep the heartbeat on; check the network if it recurs.',
    ],
    '4108': [
      'Login timeout: session open was not completed long after connecting. Usually the login was rejected or similar, which may mean the SDK is used the wrong way; open a ticket and our technical advisers will help.',
      'Send session open right after the connection opens, and check the login or its signature is not rejected.',
    ],
    '4109': [
      'Packet too long: the message exceeds 5 KB; shorten or split it.',
      "Don't resend that message; upload large content as a file and send its URL.",
    ],
    '4110': [
      'With secure domains set, the domain the client logs in from does not match them.',
      "Add this page's origin to the secure domains in the console, or load the app from an allowed domain.",
    ],
    '4111': [
      'With single-device login set, the client was pushed offline by another device.',
      "Don't reconnect; tell the user they signed in elsewhere and let them choose to log in here again.",
    ],
    '4112': [
      'The session has expired; log in again.',
      'Refresh the IM session token (log in again), then reconnect once.',
    ],
    '4113': [
      "App capacity exceeded: today's number of logged-in users is over the maximum set for the app.",
      'Raise the daily login user limit in the console or upgrade the plan.',
    ],
    '4114': [
      'The server cannot parse the serialized data the client sent.',
      "Don't resend that message; use the official SDK's protocol encoding and check the SDK and protocol versions match.",
    ],
    '4115': [
      'The client was forced offline by the REST API admin interface.',
      "Don't reconnect; tell the user they were signed out and require an explicit login.",
    ],
    '4116': [
      'The app sent more messages per unit of time than allowed; the message was rejected.',
      'Throttle the sending rate; upgrade the plan if the steady rate needs it.',
    ],
    '4117': [
      'When logging out via the IM SDK, unbinding the logged-out user from the current device failed.',
      "Retry the logout; until it succeeds the device may still get the old user's offline pushes.",
    ],
    '4200': [
      'Internal server error; if it recurs, collect the related clues and open a ticket, and we will fix it soon.',
      'If it recurs, open a ticket with the client ID, time and request details.',
    ],
    '4201': [
      'Sending a message via the API timed out.',
      'Check whether the message arrived (query the history) before resending, to avoid duplicates.',
    ],
    '4300': [
      'A conversation operation caused an internal server error. If it recurs, collect the related clues and open a ticket, and we will fix it soon.',
      'If it recurs, open a ticket with the client ID, time and request details.',
    ],
    '4301': [
      'An upstream API call failed; see the error message for details.',
      'Act on the detail in the error message.',
    ],
    '4302': [
      'Signature error in a conversation operation.',
      'Check your signing server: sign as documented, with the right key and a fresh timestamp and nonce.',
    ],
    '4303': [
      'The conversation of a send, invite or similar operation does not exist, or its info could not be fetched, e.g. because the API concurrency limit was exceeded.',
      'Check the conversation ID; if it exists, slow down before trying again.',
    ],
    '4304': [
      'The conversation is full; no more members can be added.',
      'Remove inactive members, or use a chat room (transient conversation) for large audiences.',
    ],
    '4305': [
      "The conversation operation was rejected by the app's LeanEngine hook.",
      'See why your LeanEngine hook rejected it (its logs and returned error), then change the request or the hook.',
    ],
    '4306': [
      'Updating the conversation failed.',
      'Re-fetch the conversation before updating again, and check the attributes you set are valid.',
    ],
    '4307': [
      'The conversation is read-only: it cannot be updated and members cannot be added or removed.',
      "Don't modify this conversation from the client; change it server-side with the master key if needed.",
    ],
    '4308': [
      'This conversation does not allow the current user to send messages.',
      "Check the conversation's sending restrictions for this user (e.g. mute all, role) and lift them before sending.",
    ],
    '4309': [
      'The conversation update was rejected: the current user is not in the conversation.',
      'Join the conversation (or have a member add the user) first.',
    ],
    '4310': [
      'Querying conversations failed, commonly a timeout from a slow query or a database slowed by other slow queries.',
      'Narrow the query (indexed fields, fewer results).',
    ],
    '4311': [
      "Fetching the conversation's message history failed, commonly a timeout.",
      'Fetch fewer messages per page.',
    ],
    '4312': [
      'Fetching the message history was rejected: the current user is not in the conversation.',
      'Join the conversation (or have a member add the user) first.',
    ],
    '4313': [
      'This feature only works for system conversations.',
      'Call this on a conversation of the required type.',
    ],
    '4314': [
      'This feature only works for normal conversations.',
      'Call this on a conversation of the required type.',
    ],
    '4315': [
      "The current user is on this conversation's temporary blacklist and cannot send messages.",
      "Don't resend; wait for the temporary block to end or have a conversation admin lift it.",
    ],
    '4316': [
      'This feature only works for transient conversations.',
      'Call this on a conversation of the required type.',
    ],
    '4317': [
      'This operation requires the user to be a member of the conversation.',
      'Join the conversation (or have a member add the user) first.',
    ],
    '4318': [
      'The conversation operation exceeded the API request limit; the app level must be raised.',
      "Upgrade the app's plan to raise the conversation API limit.",
    ],
    '4320': [
      "The user's role in the target conversation lacks permission for this operation.",
      'Have an owner or manager do it, or give the user a higher role first.',
    ],
    '4321': [
      'Unknown conversation role.',
      'Use a defined role (Owner, Manager or Member).',
    ],
    '4322': [
      'The number of members with the given role in the target conversation has reached the limit.',
      'Take the role away from another member before assigning it.',
    ],
    '4323': [
      'The temporary conversation has expired.',
      'Create a new temporary conversation, with a longer TTL if needed.',
    ],
    '4324': [
      'A conversation must have a member with the Owner role; this error is raised if the operation would leave the conversation without an owner.',
      'Transfer ownership to another member before the owner leaves or is demoted.',
    ],
    '4325': [
      "The 'conversation member attributes' feature is not enabled.",
      'Enable this feature in the console (IM settings) or stop calling it.',
    ],
    '4401': [
      'The conversation the message is sent to does not exist, or the current user is not in it.',
      'Check the conversation ID and that the user has joined it before sending.',
    ],
    '4402': [
      "The message was rejected by the app's LeanEngine hook.",
      'See why your LeanEngine hook rejected it (its logs and returned error), then change the request or the hook.',
    ],
    '4403': [
      'No permission to operate on the target message.',
      'Only the sender (or the server with the master key) may modify or recall it.',
    ],
    '4404': [
      'The message being operated on cannot be found.',
      'Check the message ID and timestamp; it may have been recalled or deleted.',
    ],
    '4405': [
      'Modifying or recalling the message was rejected by a hook.',
      'See why your LeanEngine hook rejected it (its logs and returned error), then change the request or the hook.',
    ],
    '4406': [
      "The 'allow editing messages via the SDK' feature is not enabled.",
      'Enable this feature in the console (IM settings) or stop calling it.',
    ],
    '4407': [
      "The 'allow recalling messages via the SDK' feature is not enabled.",
      'Enable this feature in the console (IM settings) or stop calling it.',
    ],
    '4408': [
      'The message contained sensitive words and was modified.',
      "Don't resend: the message went through with the sensitive words filtered; show the sender the modified text.",
    ],
    '4543': [
      'The blacklist is full; no more entries can be added.',
      'Remove entries from the blacklist before adding new ones.',
    ],
    '4544': [
      "The 'blacklist' feature is not enabled.",
      'Enable this feature in the console (IM settings) or stop calling it.',
    ],
    '4546': [
      'Signature failed for a blacklist operation.',
      'Check your signing server: sign as documented, with the right key and a fresh timestamp and nonce.',
    ],
    '4548': [
      "The operation cannot be done because the user is on the target conversation's blacklist.",
      "Don't retry; a conversation admin must remove the user from its blacklist.",
    ],
    '4561': [
      "The conversation's muted member count has reached the limit.",
      'Unmute some members (or mute everyone instead) before muting more.',
    ],
    '4563': [
      'The user is on the mute list and cannot send messages.',
      "Don't resend; tell the user they are muted until an admin lifts it.",
    ],
    GOAWAY: ['The server asked the client to reconnect (IM goaway).', 'Nothing to do: the socket reconnects.'],
  },
};
