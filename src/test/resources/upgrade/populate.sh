#!/bin/bash
# Fills a database through the REST API of a running server: an account with a chat, its messages and an admin reply.
set -e
B=$1
curl -sf -XPOST $B/api/v1/users/register -H 'Content-Type: application/json' -d '{"email":"ann@example.com","password":"password-123","fullName":"Ann Old"}' >/dev/null
T=$(curl -sf -XPOST $B/api/v1/users/login -H 'Content-Type: application/json' -d '{"email":"ann@example.com","password":"password-123"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
CHAT=$(curl -sf -XPOST $B/api/v1/chats/support -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{"subject":"Invoice question","message":"hello from before Flyway"}' | sed 's/.*"data":{"_id":"\([0-9a-f]*\)".*/\1/')
curl -sf -XPOST $B/api/v1/chats/$CHAT/messages -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{"content":"second message"}' >/dev/null
A=$(curl -sf -XPOST $B/api/v1/users/login -H 'Content-Type: application/json' -d '{"email":"boss@example.com","password":"boss-password-1"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
curl -sf -XPOST $B/api/v1/chats/$CHAT/messages -H "Authorization: Bearer $A" -H 'Content-Type: application/json' -d '{"content":"admin reply"}' >/dev/null
curl -sf -XPOST $B/api/v1/widget/visitors -H 'Content-Type: application/json' -d '{}' >/dev/null
echo $CHAT
