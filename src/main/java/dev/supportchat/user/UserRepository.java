package dev.supportchat.user;

import java.util.List;
import java.util.Optional;

/** Stored accounts. Emails are looked up and stored lower-cased. */
public interface UserRepository {

  /**
   * Inserts the user; throws {@link dev.supportchat.error.AppException} {@code conflict} if email
   * or username is taken.
   */
  void insert(User user);

  Optional<User> findById(String id);

  Optional<User> findByEmail(String email);

  /** Sets the password hash and the admin flag. */
  void updateCredentials(String userId, String passwordHash, boolean isAdmin);

  List<User> findAdmins();

  boolean anyAdmin();
}
