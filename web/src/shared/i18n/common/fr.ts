/** French sentences of the widget and the shared parts (keys: en.ts). */
import type { Catalogue } from '../i18n';

export const commonFr: Catalogue = {
  'common.loading': 'Chargement…',
  'common.tryAgain': 'Réessayer',
  'common.pleaseWait': 'Veuillez patienter…',
  'common.sending': 'Envoi…',
  'common.somethingWrong': 'Une erreur s’est produite',
  'common.today': 'Aujourd’hui',
  'common.requestFailed': 'Échec de la requête ({status})',
  'common.networkError': 'Erreur réseau',
  'common.noAnswer': 'Pas de réponse du serveur',
  'common.yesterday': 'Hier',

  'status.open': 'ouvert',
  'status.in-progress': 'en cours',
  'status.resolved': 'résolu',
  'status.closed': 'fermé',

  'presence.closedBack': 'Nous sommes fermés pour le moment. {back}.',
  'presence.closed':
    'Nous sommes fermés pour le moment — laissez un message, nous vous répondrons à notre retour.',
  'presence.unknown': 'Nous répondons dès que possible',
  'presence.online': 'Le support est en ligne',
  'presence.away': 'Le support est absent — laissez un message',
  'back.today': 'De retour aujourd’hui à {time}',
  'back.tomorrow': 'De retour demain à {time}',
  'back.weekday': 'De retour {weekday} à {time}',
  'back.date': 'De retour le {date} à {time}',
  'replyTime.minuteOrTwo': 'Répond généralement en une ou deux minutes',
  'replyTime.fewMinutes': 'Répond généralement en quelques minutes',
  'replyTime.aboutMinutes_one': 'Répond généralement en une minute environ',
  'replyTime.aboutMinutes_many': 'Répond généralement en {count} de minutes environ',
  'replyTime.aboutMinutes_other': 'Répond généralement en {count} minutes environ',
  'replyTime.aboutHour': 'Répond généralement en une heure environ',
  'replyTime.fewHours': 'Répond généralement en quelques heures',
  'replyTime.dayOrTwo': 'Répond généralement sous un ou deux jours',

  'widget.panelLabel': 'Chat d’assistance',
  'widget.title': 'Assistance',
  'widget.alerts': 'Alertes sonores et dans le titre pour les réponses',
  'widget.alertsOn': 'Les alertes pour les réponses sont activées',
  'widget.alertsOff': 'Les alertes pour les réponses sont désactivées',
  'widget.signOut': 'Se déconnecter',
  'widget.close': 'Fermer le chat',
  'widget.bubbleClose': 'Fermer le chat d’assistance',
  'widget.bubbleOpen': 'Ouvrir le chat d’assistance',
  'widget.bubbleOpenUnread_one': 'Ouvrir le chat d’assistance, {count} message non lu',
  'widget.bubbleOpenUnread_many': 'Ouvrir le chat d’assistance, {count} de messages non lus',
  'widget.bubbleOpenUnread_other': 'Ouvrir le chat d’assistance, {count} messages non lus',
  'widget.guestHint': 'Posez-nous vos questions, sans créer de compte.',
  'widget.chatAsGuest': 'Discuter en tant qu’invité',
  'widget.startConversation': 'Démarrer une conversation',
  'widget.adminSignedIn':
    'Vous êtes connecté en tant qu’administrateur du support. Répondez aux utilisateurs depuis le tableau de bord : {link}.',
  'widget.loadingConversation': 'Chargement de votre conversation…',
  'widget.connecting': 'Connexion…',
  'widget.signingIn': 'Connexion en cours…',
  'widget.startingConversation': 'Ouverture de votre conversation…',

  'conversation.ticket': 'Ticket : {status}',
  'conversation.label': 'Conversation avec le support',
  'conversation.defaultAgent': 'Le support',
  'conversation.typing': '{name} est en train d’écrire…',
  'conversation.finished': 'Ce ticket est {status}. Écrire à nouveau le rouvrira.',
  'conversation.notice.open': 'Votre ticket est de nouveau ouvert.',
  'conversation.notice.in-progress': 'Votre ticket est en cours de traitement.',
  'conversation.notice.resolved':
    'Votre ticket a été résolu. Écrivez-nous à nouveau si vous avez besoin d’aide.',
  'conversation.notice.closed': 'Votre ticket a été fermé. Écrivez à nouveau pour le rouvrir.',
  'conversation.notice.assigned': '{name} s’occupe de votre ticket.',
  'conversation.notice.anAgent': 'Un agent',

  'composer.label': 'Message',
  'composer.placeholder': 'Écrivez un message…',
  'composer.send': 'Envoyer',

  'auth.createTitle': 'Créer un compte',
  'auth.signInTitle': 'Connectez-vous pour discuter avec nous',
  'auth.yourName': 'Votre nom',
  'auth.createButton': 'Créer le compte',
  'auth.signIn': 'Se connecter',
  'auth.haveAccount': 'Vous avez déjà un compte ?',
  'auth.newHere': 'Nouveau ici ?',
  'field.email': 'E-mail',
  'field.password': 'Mot de passe',

  'newTicket.couldNotSend': 'Votre message n’a pas pu être envoyé',
  'newTicket.intro':
    'Écrivez votre premier message pour créer un ticket. Nous répondons généralement en quelques minutes.',
  'newTicket.subject': 'Objet (facultatif)',
  'newTicket.offline':
    'Vous êtes hors ligne ; vous pourrez envoyer dès que la connexion sera rétablie.',
  'newTicket.start': 'Démarrer la conversation',

  'prechat.title': 'Avant de commencer',
  'prechat.required': 'Dites-nous qui vous êtes pour que nous puissions vous recontacter.',
  'prechat.optional':
    'Dites-nous qui vous êtes pour que nous puissions vous recontacter, ou passez cette étape.',
  'prechat.nameOptional': 'Votre nom (facultatif)',
  'prechat.emailOptional': 'E-mail (facultatif)',
  'prechat.start': 'Commencer à discuter',
  'prechat.skip': 'Passer',

  'rating.1': 'Très mauvais',
  'rating.2': 'Mauvais',
  'rating.3': 'Correct',
  'rating.4': 'Bien',
  'rating.5': 'Excellent',
  'rating.thanks': 'Merci pour votre note !',
  'rating.given': 'Vous avez noté cette conversation {score} sur {max}.',
  'rating.chooseFirst': 'Choisissez d’abord une note de {min} à {max}.',
  'rating.failed': 'Votre note n’a pas pu être envoyée. Veuillez réessayer dans un instant.',
  'rating.legend': 'Comment nous en sommes-nous sortis ? Notez cette conversation.',
  'rating.choice': '{value} sur {max}, {label}',
  'rating.comment': 'Commentaire (facultatif)',
  'rating.send': 'Envoyer la note',

  'transcript.sent': 'La transcription est en route vers votre adresse e-mail.',
  'transcript.already':
    'La transcription de cette conversation a déjà été envoyée à votre adresse e-mail.',
  'transcript.failed':
    'La transcription n’a pas pu être demandée. Veuillez réessayer dans un instant.',
  'transcript.requesting': 'Demande en cours…',
  'transcript.request': 'M’envoyer la transcription par e-mail',

  'refusal.generic': 'Une erreur s’est produite. Veuillez réessayer.',
  'refusal.network':
    'Impossible de joindre le service d’assistance. Vérifiez votre connexion et réessayez.',
  'refusal.rateLimitedIn_one':
    'Trop de tentatives depuis votre réseau. Veuillez réessayer dans une minute.',
  'refusal.rateLimitedIn_many':
    'Trop de tentatives depuis votre réseau. Veuillez réessayer dans {count} de minutes.',
  'refusal.rateLimitedIn_other':
    'Trop de tentatives depuis votre réseau. Veuillez réessayer dans {count} minutes.',
  'refusal.rateLimited': 'Trop de tentatives depuis votre réseau. Veuillez réessayer plus tard.',
  'refusal.notConfirmed':
    'Nous n’avons pas pu confirmer que vous êtes connecté sur ce site ; le chat n’est donc pas lié à votre compte. {reason}',
  'refusal.sessionEnded': 'Votre session de chat est terminée. Veuillez recharger la page.',
  'refusal.visitorsOff':
    'Le chat sans compte est désactivé ici. Veuillez vous connecter ci-dessous.',
  'refusal.notAllowed': 'Vous n’êtes pas autorisé à faire cela.',
  'refusal.noSignIns': 'Ce service d’assistance n’accepte pas encore de connexions depuis ce site.',
  'refusal.notFound': 'Introuvable.',
  'refusal.checkInput': 'Veuillez vérifier ce que vous avez saisi.',
  'refusal.ourSide': 'Une erreur s’est produite de notre côté. Veuillez réessayer dans un instant.',

  'timeline.loadingOlder': 'Chargement des messages plus anciens…',
  'timeline.loadOlder': 'Charger les messages plus anciens',
  'timeline.unsent': 'Messages non envoyés',
  'message.noteLabel': 'Note interne · visible des administrateurs uniquement',
  'message.edited': 'modifié',
  'message.read': 'Lu',
  'message.sent': 'Envoyé',
  'message.waiting': 'En attente de connexion…',
  'message.notSent': 'Non envoyé',
  'message.notSentBecause': 'Non envoyé : {reason}',
  'message.notDelivered': 'Non distribué',
  'message.retry': 'Réessayer',
  'message.discard': 'Supprimer',

  'connection.connecting': 'Connexion…',
  'connection.offline':
    'Vous êtes hors ligne. Les messages seront envoyés dès le retour de la connexion.',
  'connection.backOnline': 'De nouveau en ligne',
  'connection.unauthorized': 'Votre session a expiré. Veuillez vous reconnecter.',

  'files.sentFiles_one': 'A envoyé un fichier',
  'files.sentFiles_many': 'A envoyé {count} de fichiers',
  'files.sentFiles_other': 'A envoyé {count} fichiers',
};
