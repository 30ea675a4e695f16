package dev.supportchat.tools;

import java.util.List;
import java.util.Random;

/**
 * Names, subjects and message wording for generated data. Sentences are assembled from two parts so
 * that a million messages are not a handful of repeated strings, and subjects repeat the way
 * helpdesk topics do (a few very common words such as "payment", many rarer ones).
 */
final class SampleText {
  private static final List<String> FIRST_NAMES =
      List.of(
          "Ann", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kara",
          "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera",
          "Wen", "Xavier", "Yara", "Zoe", "Aiko", "Bruno", "Carmen", "Dmitri", "Elif", "Femi",
          "Giulia", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Nadia", "Oscar", "Priya",
          "Rafael", "Sofia", "Tomas", "Uma", "Viktor", "Willa", "Yusuf", "Zara");
  private static final List<String> LAST_NAMES =
      List.of(
          "Smith",
          "Garcia",
          "Muller",
          "Rossi",
          "Kowalski",
          "Novak",
          "Silva",
          "Jensen",
          "Nguyen",
          "Kim",
          "Okafor",
          "Haddad",
          "Ivanova",
          "Tanaka",
          "Dubois",
          "Larsen",
          "Costa",
          "Fischer",
          "Moreau",
          "Horvat",
          "Yilmaz",
          "Sato",
          "Mensah",
          "Brennan",
          "Petrov",
          "Lindqvist",
          "Alvarez",
          "Schmidt",
          "Bianchi",
          "Nowak",
          "Santos",
          "Berg",
          "Tran",
          "Park",
          "Adeyemi",
          "Khalil",
          "Popescu",
          "Ito",
          "Lambert",
          "Nielsen",
          "Ferreira",
          "Wagner",
          "Girard",
          "Kovac",
          "Demir",
          "Suzuki",
          "Asante",
          "Walsh",
          "Volkov",
          "Ekstrom");
  private static final List<String> SUBJECTS =
      List.of(
          "Cannot log in",
          "Payment failed",
          "Refund request",
          "Charged twice for my order",
          "Password reset email never arrives",
          "How do I change my plan?",
          "Invoice missing",
          "App crashes on start",
          "Cannot upload a file",
          "Two-factor code not accepted",
          "Delivery is late",
          "Wrong item received",
          "Cancel my subscription",
          "Update payment method",
          "Export my data",
          "Account locked",
          "Discount code does not work",
          "Question about pricing",
          "Change the email on my account",
          "Notifications stopped",
          "Sync is very slow",
          "Bug in the report page",
          "Integration with our CRM",
          "API returns 500",
          "Feature request: dark mode",
          "Delete my account",
          "Payment page shows an error",
          "Receipt for tax purposes",
          "Team member cannot join",
          "Data looks wrong",
          "Trial extension",
          "Shipping address change",
          "Order status",
          "Password change",
          "Billing question",
          "Security concern",
          "Cannot find the settings",
          "Mobile app login loop",
          "Webhook not firing",
          "VAT number on invoices");
  private static final String ORDER_NUMBER_LINE = "here is the order number you asked for.";
  private static final List<String> USER_OPENERS =
      List.of(
          "Hi, ",
          "Hello, ",
          "Good morning, ",
          "Hey, ",
          "",
          "Hi there, ",
          "Sorry to bother you, ",
          "Urgent: ");
  private static final List<String> USER_LINES =
      List.of(
          "I tried again and it still does not work.",
          "the same error shows up every time I click the button.",
          "can you check what happened to my order?",
          "my card was charged but the order is not in my account.",
          "it worked yesterday, today it does not.",
          "I followed the help article but I am stuck at step three.",
          ORDER_NUMBER_LINE,
          "the page just keeps loading.",
          "is there any update on this?",
          "thanks, that fixed it!",
          "I cleared the cache and logged in again, no luck.",
          "could you send me the invoice by email?",
          "it happens on both my phone and my laptop.",
          "my colleague has the same problem.",
          "I need this solved before Friday, please.",
          "great, thank you for the quick help.");
  private static final List<String> ADMIN_OPENERS =
      List.of(
          "Thanks for reaching out! ",
          "Hi, ",
          "Sorry about that. ",
          "Thanks for the details. ",
          "",
          "Good news: ",
          "I understand. ");
  private static final List<String> ADMIN_LINES =
      List.of(
          "Could you tell me the email on the account?",
          "I have reset it on our side; please try again now.",
          "I can see the payment; it will be refunded within 5 days.",
          "Which browser and version are you using?",
          "I have forwarded this to our engineers and will update you.",
          "The fix is live now, could you confirm it works?",
          "I have sent the invoice to your email address.",
          "Please try logging out and in again.",
          "Your plan has been changed as requested.",
          "I am closing this chat for now; write here any time if it comes back.",
          "Could you send a screenshot of the error?",
          "The delivery is on its way, tracking is in your account.");
  private static final List<String> NOTES =
      List.of(
          "Checked the logs: timeout on the payment provider.",
          "Customer on the enterprise plan, handle with priority.",
          "Refund approved by finance.",
          "Known bug, ticket ENG-4711.",
          "Second time this month, escalate if it happens again.",
          "Asked billing to double-check the invoice.");

  private SampleText() {}

  static String firstName(int i) {
    return FIRST_NAMES.get(i % FIRST_NAMES.size());
  }

  /** Spread so that first and last names do not move in lockstep. */
  static String lastName(int i) {
    return LAST_NAMES.get((i / FIRST_NAMES.size() + i * 7) % LAST_NAMES.size());
  }

  static String subject(Random r) {
    return SUBJECTS.get((int) Math.floor(SUBJECTS.size() * Math.pow(r.nextDouble(), 1.6)));
  }

  static String userMessage(Random r) {
    String line = pick(r, USER_LINES);
    if (line.equals(ORDER_NUMBER_LINE)) {
      // Each number is in a handful of messages: the rare words a message search must find fast.
      line = line.substring(0, line.length() - 1) + ": " + orderNumber(r.nextInt(ORDER_NUMBERS));
    }
    return pick(r, USER_OPENERS) + line;
  }

  /** How many different order numbers messages quote. */
  static final int ORDER_NUMBERS = 900_000;

  static String orderNumber(int i) {
    return "A" + (100_000 + i);
  }

  static String adminMessage(Random r) {
    return pick(r, ADMIN_OPENERS) + pick(r, ADMIN_LINES);
  }

  static String note(Random r) {
    return pick(r, NOTES);
  }

  private static String pick(Random r, List<String> options) {
    return options.get(r.nextInt(options.size()));
  }
}
