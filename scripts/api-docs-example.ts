/** The worked example of docs/api.md: two members, from sign-up to a resumed conversation. */
export const workedExample = `## A worked example: two members talk

Robin and Sam each sign up (only adults: the birth date is checked and never stored):

\`\`\`http
POST /api/v1/accounts
Content-Type: application/json

{"handle": "robin", "password": "a long walk by the river", "birthDate": "1990-04-02", "acceptAgreement": true}
\`\`\`

\`\`\`json
201 {"user": {"id": "u_robin", "handle": "robin", "displayName": null, "about": null, "experiences": [], "languages": ["en"],
     "availability": "either", "region": null, "onDuty": false, "roles": ["member"], "createdAt": "2026-11-30T20:00:00.000Z"},
     "token": "tok_robin", "recoveryCodes": ["…ten codes, shown once…"]}
\`\`\`

Both choose experiences (\`GET /api/v1/experiences\` lists the tags) and Sam says they can listen:

\`\`\`http
PATCH /api/v1/me
Authorization: Bearer tok_sam

{"experiences": ["grief"], "availability": "listen"}
\`\`\`

Each opens the WebSocket (\`GET /api/v1/ws\` with \`Authorization: Bearer …\`, or the cookie in a browser) and is greeted:

\`\`\`json
{"op": "hello", "heartbeatMs": 25000, "connectionId": "c_1", "sessionId": "c_1"}
\`\`\`

From now on each sends \`{"op": "ping", "t": 1}\` every \`heartbeatMs\` and gets \`{"op": "pong", "t": 1}\`.
Robin asks to talk about grief:

\`\`\`http
POST /api/v1/match-requests
Authorization: Bearer tok_robin

{"experiences": ["grief"], "mode": "one-to-one"}
\`\`\`

\`\`\`json
202 {"request": {"id": "r_1", "status": "matched", "mode": "one-to-one", "experiences": ["grief"], "anyone": false,
     "conversationId": "conv_1", "createdAt": "2026-11-30T20:01:00.000Z", "waitedMs": 0, "slow": false}}
\`\`\`

Both sockets get \`{"op": "match.found", "requestId": "r_1", "conversationId": "conv_1"}\`, then the conversation's first
events (\`member.joined\` for each), and each other's presence (\`{"op": "presence", "userId": "u_sam", "status": "online"}\`).
Both fill in the check-in (\`PUT /api/v1/conversations/conv_1/checkin\`). Robin sends, choosing a \`clientMsgId\` and a \`ref\`:

\`\`\`json
{"op": "send", "ref": 7, "conversationId": "conv_1", "clientMsgId": "robin-0001", "body": "Hi Sam. Thank you for being here."}
\`\`\`

Once the message is durably stored, Robin's socket gets the ack, and then both sockets get the event:

\`\`\`json
{"op": "ack", "ref": 7, "messageId": "m_1", "seq": 4}
{"op": "event", "event": {"conversationId": "conv_1", "seq": 4, "type": "message.created", "at": "2026-11-30T20:02:00.000Z",
 "actorId": "u_robin", "data": {"messageId": "m_1", "clientMsgId": "robin-0001", "body": "Hi Sam. Thank you for being here."}}}
\`\`\`

If Robin's connection dropped before the ack, Robin sends the same frame again (same \`clientMsgId\`): the answer is the
original ack, and nobody sees the message twice. Sam reads it and types a reply:

\`\`\`json
{"op": "read", "conversationId": "conv_1", "seq": 4}
{"op": "typing", "conversationId": "conv_1"}
\`\`\`

Robin sees \`{"op": "read", "conversationId": "conv_1", "userId": "u_sam", "seq": 4}\` and
\`{"op": "typing", "conversationId": "conv_1", "userId": "u_sam", "expiresInMs": 6000}\`.

Later Sam's phone loses its connection for a while. On reconnecting, Sam's client sends the last seq it saw per conversation:

\`\`\`json
{"op": "resume", "since": {"conv_1": 4}}
\`\`\`

and gets every missed event of \`conv_1\` in order (or, past 500 missed, a \`gap\` frame to page over
\`GET /api/v1/conversations/conv_1/events?afterSeq=4\`), then \`{"op": "synced"}\`. Nothing is lost or repeated.
When they are done, each may choose to stay in touch (\`POST /api/v1/conversations/conv_1/stay-in-touch {"stay": true}\`);
otherwise leaving (\`DELETE /api/v1/conversations/conv_1/members/me\`) closes the conversation.
`;
