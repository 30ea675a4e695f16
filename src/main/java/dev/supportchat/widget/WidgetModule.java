package dev.supportchat.widget;

import dev.supportchat.chat.ChatModule;
import dev.supportchat.chat.ChatService;
import dev.supportchat.config.AppConfig;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.limit.Limits;
import dev.supportchat.store.Database;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.Principal;
import dev.supportchat.user.UserRepository;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Clock;

/** Builds the widget feature for {@code App}: its service and its routes. */
public final class WidgetModule {
  private WidgetModule() {}

  public static WidgetService service(
      AppConfig.Widget settings,
      Database db,
      UserRepository users,
      AccountService accounts,
      ChatService chats,
      Limits limits,
      ChatModule.MessageRules messageRules,
      Clock clock) {
    return new WidgetService(
        settings,
        new IdentityTokenVerifier(settings, clock),
        new IdentityTokenUses(db, clock),
        users,
        accounts,
        chats,
        limits.shared("visitors-ip", settings.visitorsPerIpPerHour(), WidgetService.VISITOR_WINDOW),
        messageRules,
        clock);
  }

  public static EndpointGroup routes(
      WidgetService widget, Auth<Principal> auth, ClientAddress clientAddress) {
    return new WidgetRoutes(widget, auth, clientAddress);
  }
}
