package dev.supportchat.user;

import java.util.List;
import java.util.Optional;

/** Stored users of every kind. Emails are looked up and stored lower-cased. */
public interface UserRepository {

  /**
   * Inserts the user; throws {@link dev.supportchat.error.AppException} {@code conflict} if email
   * or username is taken.
   */
  void insert(User user);

  Optional<User> findById(String id);

  /** The account (only accounts sign in by email) with this email. */
  Optional<User> findByEmail(String email);

  /** The verified user with this host user id. */
  Optional<User> findByExternalId(String externalId);

  /** A verified user's name and email as the host last vouched for them. */
  void updateProfile(String userId, String fullName, String email, boolean emailVerified);

  /** Remembers where and how the person is chatting now (replaces what was there). */
  void saveContext(String userId, UserContext context);

  Optional<UserContext> findContext(String userId);

  /** Sets the password hash and the admin flag. */
  void updateCredentials(String userId, String passwordHash, boolean isAdmin);

  List<User> findAdmins();

  /** Whether this staff member was deactivated by an admin of their team (they may not sign in). */
  boolean isDeactivated(String userId);

  /** Sets the password hash only (role and active state stay). */
  void updatePassword(String userId, String passwordHash);

  /** The name a person chose for themselves. */
  void updateName(String userId, String fullName);

  boolean anyAdmin();
}
