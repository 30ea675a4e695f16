/** Builders of wire objects for unit tests. */
import type { Chat, Message, UserRef } from '../types';

export const alice: UserRef = {
  _id: 'u1',
  fullName: 'Alice',
  email: 'alice@example.com',
  isAdmin: false,
};
export const bob: UserRef = {
  _id: 'a1',
  fullName: 'Bob Admin',
  email: 'bob@example.com',
  isAdmin: true,
};

export function message(id: string, minute: number, overrides: Partial<Message> = {}): Message {
  const createdAt = new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
  return {
    _id: id,
    chat: 'c1',
    sender: alice,
    content: `message ${id}`,
    messageType: 'text',
    attachments: [],
    isReadByAdmin: false,
    isReadByUser: false,
    isInternalNote: false,
    isEdited: false,
    clientMessageId: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function chat(id: string, minute: number, overrides: Partial<Chat> = {}): Chat {
  const at = new Date(Date.UTC(2026, 10, 25, 10, minute)).toISOString();
  return {
    _id: id,
    user: alice,
    admin: null,
    subject: null,
    priority: 'medium',
    status: 'open',
    lastMessage: null,
    unreadByAdmin: 0,
    unreadByUser: 0,
    isActive: true,
    createdAt: at,
    updatedAt: at,
    lastActivityAt: at,
    ...overrides,
  };
}
