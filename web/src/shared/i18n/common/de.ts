/** German sentences of the widget and the shared parts (keys: en.ts). */
import type { Catalogue } from '../i18n';

export const commonDe: Catalogue = {
  'common.loading': 'Wird geladen …',
  'common.tryAgain': 'Erneut versuchen',
  'common.pleaseWait': 'Bitte warten …',
  'common.sending': 'Wird gesendet …',
  'common.somethingWrong': 'Etwas ist schiefgelaufen',
  'common.today': 'Heute',
  'common.requestFailed': 'Anfrage fehlgeschlagen ({status})',
  'common.networkError': 'Netzwerkfehler',
  'common.noAnswer': 'Keine Antwort vom Server',
  'common.yesterday': 'Gestern',

  'status.open': 'offen',
  'status.in-progress': 'in Bearbeitung',
  'status.resolved': 'gelöst',
  'status.closed': 'geschlossen',

  'presence.closedBack': 'Wir sind gerade nicht erreichbar. {back}.',
  'presence.closed':
    'Wir sind gerade nicht erreichbar – hinterlassen Sie eine Nachricht, wir antworten, sobald wir zurück sind.',
  'presence.unknown': 'Wir antworten so schnell wie möglich',
  'presence.online': 'Der Support ist online',
  'presence.away': 'Der Support ist gerade nicht da – hinterlassen Sie eine Nachricht',
  'back.today': 'Heute ab {time} wieder da',
  'back.tomorrow': 'Morgen ab {time} wieder da',
  'back.weekday': '{weekday} ab {time} wieder da',
  'back.date': 'Am {date} ab {time} wieder da',
  'replyTime.minuteOrTwo': 'Antwortet meist innerhalb von ein, zwei Minuten',
  'replyTime.fewMinutes': 'Antwortet meist innerhalb weniger Minuten',
  'replyTime.aboutMinutes_one': 'Antwortet meist in etwa einer Minute',
  'replyTime.aboutMinutes_other': 'Antwortet meist in etwa {count} Minuten',
  'replyTime.aboutHour': 'Antwortet meist in etwa einer Stunde',
  'replyTime.fewHours': 'Antwortet meist innerhalb weniger Stunden',
  'replyTime.dayOrTwo': 'Antwortet meist innerhalb von ein, zwei Tagen',

  'widget.panelLabel': 'Support-Chat',
  'widget.title': 'Support',
  'widget.alerts': 'Ton- und Titelhinweise bei Antworten',
  'widget.alertsOn': 'Hinweise bei Antworten sind an',
  'widget.alertsOff': 'Hinweise bei Antworten sind aus',
  'widget.signOut': 'Abmelden',
  'widget.close': 'Chat schließen',
  'widget.bubbleClose': 'Support-Chat schließen',
  'widget.bubbleOpen': 'Support-Chat öffnen',
  'widget.bubbleOpenUnread_one': 'Support-Chat öffnen, {count} ungelesene Nachricht',
  'widget.bubbleOpenUnread_other': 'Support-Chat öffnen, {count} ungelesene Nachrichten',
  'widget.guestHint': 'Fragen Sie uns, was Sie möchten – ganz ohne Konto.',
  'widget.chatAsGuest': 'Als Gast chatten',
  'widget.startConversation': 'Unterhaltung beginnen',
  'widget.adminSignedIn':
    'Sie sind als Support-Admin angemeldet. Antworten Sie Nutzern im Dashboard unter {link}.',
  'widget.loadingConversation': 'Ihre Unterhaltung wird geladen …',
  'widget.connecting': 'Verbindung wird hergestellt …',
  'widget.signingIn': 'Sie werden angemeldet …',
  'widget.startingConversation': 'Ihre Unterhaltung wird gestartet …',

  'conversation.ticket': 'Ticket: {status}',
  'conversation.label': 'Unterhaltung mit dem Support',
  'conversation.defaultAgent': 'Support',
  'conversation.typing': '{name} schreibt …',
  'conversation.finished':
    'Dieses Ticket ist {status}. Wenn Sie erneut schreiben, wird es wieder geöffnet.',
  'conversation.notice.open': 'Ihr Ticket ist wieder offen.',
  'conversation.notice.in-progress': 'Ihr Ticket wird bearbeitet.',
  'conversation.notice.resolved':
    'Ihr Ticket wurde gelöst. Schreiben Sie einfach wieder, wenn Sie weitere Hilfe brauchen.',
  'conversation.notice.closed':
    'Ihr Ticket wurde geschlossen. Schreiben Sie erneut, um es wieder zu öffnen.',
  'conversation.notice.assigned': '{name} kümmert sich um Ihr Ticket.',
  'conversation.notice.anAgent': 'Ein Mitarbeiter',

  'composer.label': 'Nachricht',
  'composer.placeholder': 'Nachricht schreiben …',
  'composer.send': 'Senden',

  'auth.createTitle': 'Konto erstellen',
  'auth.signInTitle': 'Melden Sie sich an, um mit uns zu chatten',
  'auth.yourName': 'Ihr Name',
  'auth.createButton': 'Konto erstellen',
  'auth.signIn': 'Anmelden',
  'auth.haveAccount': 'Sie haben schon ein Konto?',
  'auth.newHere': 'Neu hier?',
  'field.email': 'E-Mail',
  'field.password': 'Passwort',

  'newTicket.couldNotSend': 'Ihre Nachricht konnte nicht gesendet werden',
  'newTicket.intro':
    'Schreiben Sie Ihre erste Nachricht, um ein Ticket zu eröffnen. Wir antworten meist innerhalb weniger Minuten.',
  'newTicket.subject': 'Betreff (optional)',
  'newTicket.offline': 'Sie sind offline; Sie können senden, sobald die Verbindung wieder besteht.',
  'newTicket.start': 'Unterhaltung beginnen',

  'prechat.title': 'Bevor es losgeht',
  'prechat.required': 'Sagen Sie uns, wer Sie sind, damit wir uns bei Ihnen melden können.',
  'prechat.optional':
    'Sagen Sie uns, wer Sie sind, damit wir uns bei Ihnen melden können – oder überspringen Sie diesen Schritt.',
  'prechat.nameOptional': 'Ihr Name (optional)',
  'prechat.emailOptional': 'E-Mail (optional)',
  'prechat.start': 'Chat starten',
  'prechat.skip': 'Überspringen',

  'rating.1': 'Sehr schlecht',
  'rating.2': 'Schlecht',
  'rating.3': 'Okay',
  'rating.4': 'Gut',
  'rating.5': 'Ausgezeichnet',
  'rating.thanks': 'Danke für Ihre Bewertung!',
  'rating.given': 'Sie haben diese Unterhaltung mit {score} von {max} bewertet.',
  'rating.chooseFirst': 'Wählen Sie zuerst eine Bewertung von {min} bis {max}.',
  'rating.failed':
    'Ihre Bewertung konnte nicht gesendet werden. Bitte versuchen Sie es gleich noch einmal.',
  'rating.legend': 'Wie waren wir? Bewerten Sie diese Unterhaltung.',
  'rating.choice': '{value} von {max}, {label}',
  'rating.comment': 'Kommentar (optional)',
  'rating.send': 'Bewertung senden',

  'transcript.sent': 'Das Protokoll ist auf dem Weg in Ihr E-Mail-Postfach.',
  'transcript.already':
    'Das Protokoll dieser Unterhaltung wurde bereits an Ihre E-Mail-Adresse gesendet.',
  'transcript.failed':
    'Das Protokoll konnte nicht angefordert werden. Bitte versuchen Sie es gleich noch einmal.',
  'transcript.requesting': 'Wird angefordert …',
  'transcript.request': 'Protokoll per E-Mail senden',

  'refusal.generic': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es noch einmal.',
  'refusal.network':
    'Der Support-Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
  'refusal.rateLimitedIn_one':
    'Aus Ihrem Netzwerk kamen zu viele Versuche. Bitte versuchen Sie es in einer Minute noch einmal.',
  'refusal.rateLimitedIn_other':
    'Aus Ihrem Netzwerk kamen zu viele Versuche. Bitte versuchen Sie es in {count} Minuten noch einmal.',
  'refusal.rateLimited':
    'Aus Ihrem Netzwerk kamen zu viele Versuche. Bitte versuchen Sie es später noch einmal.',
  'refusal.notConfirmed':
    'Wir konnten nicht bestätigen, dass Sie auf dieser Website angemeldet sind, daher ist der Chat nicht mit Ihrem Konto verknüpft. {reason}',
  'refusal.sessionEnded': 'Ihre Chat-Sitzung ist beendet. Bitte laden Sie die Seite neu.',
  'refusal.visitorsOff':
    'Chatten ohne Konto ist hier ausgeschaltet. Bitte melden Sie sich unten an.',
  'refusal.notAllowed': 'Das dürfen Sie leider nicht.',
  'refusal.noSignIns': 'Dieser Support-Dienst nimmt noch keine Anmeldungen von dieser Website an.',
  'refusal.notFound': 'Nicht gefunden.',
  'refusal.checkInput': 'Bitte prüfen Sie Ihre Eingaben.',
  'refusal.ourSide': 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',

  'timeline.loadingOlder': 'Ältere Nachrichten werden geladen …',
  'timeline.loadOlder': 'Ältere Nachrichten laden',
  'timeline.unsent': 'Nicht gesendete Nachrichten',
  'message.noteLabel': 'Interne Notiz · nur für Admins sichtbar',
  'message.edited': 'bearbeitet',
  'message.read': 'Gelesen',
  'message.sent': 'Gesendet',
  'message.waiting': 'Warte auf Verbindung …',
  'message.notSent': 'Nicht gesendet',
  'message.notSentBecause': 'Nicht gesendet: {reason}',
  'message.notDelivered': 'Nicht zugestellt',
  'message.retry': 'Erneut senden',
  'message.discard': 'Verwerfen',

  'connection.connecting': 'Verbindung wird hergestellt …',
  'connection.offline':
    'Sie sind offline. Nachrichten werden gesendet, sobald die Verbindung zurück ist.',
  'connection.backOnline': 'Wieder online',
  'connection.unauthorized': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',

  'files.sentFiles_one': 'Hat eine Datei gesendet',
  'files.sentFiles_other': 'Hat {count} Dateien gesendet',
};
