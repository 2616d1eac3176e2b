import { defineManifest } from '../../manifest/manifest-schema';

const calendarId = {
  in: 'path' as const,
  type: 'string' as const,
  required: true,
  minLength: 1,
  maxLength: 300,
  description: 'The calendar ID (an e-mail-like address), or primary for the user’s main calendar',
};
const when = {
  type: 'object' as const,
  properties: {
    dateTime: { type: 'string' as const, format: 'date-time' as const },
    date: { type: 'string' as const, format: 'date' as const },
    timeZone: { type: 'string' as const },
  },
  additionalProperties: false,
};

export const googleCalendar = defineManifest({
  name: 'google_calendar',
  title: 'Google Calendar',
  category: 'productivity',
  description: 'Create and list Google Calendar events with an OAuth access token.',
  docsUrl: 'https://developers.google.com/workspace/calendar/api/v3/reference/events',
  verification: 'documented',
  baseUrl: 'https://www.googleapis.com/calendar/v3',
  auth: {
    credentialType: 'oauth',
    apply: [{ in: 'header', name: 'Authorization', value: 'Bearer {token}' }],
    hint: 'An OAuth access token with the https://www.googleapis.com/auth/calendar.events scope',
  },
  errors: { message: ['error.message'] },
  actions: {
    create_event: {
      description: 'Create an event; start and end take dateTime (with timeZone) or date for all-day events.',
      method: 'POST',
      path: '/calendars/{calendar_id}/events',
      params: {
        calendar_id: calendarId,
        summary: { in: 'body', type: 'string', description: 'The event title' },
        description: { in: 'body', type: 'string', description: 'The description (HTML allowed)' },
        location: { in: 'body', type: 'string', description: 'Free-form location' },
        start: {
          ...when,
          in: 'body',
          required: true,
          description: 'e.g. {"dateTime":"2026-12-04T10:00:00+01:00"} or {"date":"2026-12-04"}',
        },
        end: { ...when, in: 'body', required: true, description: 'Exclusive end, same shape as start' },
        attendees: {
          in: 'body',
          type: 'array',
          items: {
            type: 'object',
            properties: { email: { type: 'string', format: 'email' }, optional: { type: 'boolean' } },
            required: ['email'],
          },
          description: 'Guests, e.g. [{"email":"ada@example.com"}]',
        },
        send_updates: {
          in: 'query',
          wire: 'sendUpdates',
          type: 'string',
          enum: ['all', 'externalOnly', 'none'],
          description: 'Who gets an invitation e-mail',
        },
      },
      output: { id: 'id', html_link: 'htmlLink', status: 'status', start: 'start', end: 'end' },
      summary: 'Created event {summary}',
    },
    list_events: {
      description: 'List events of a calendar in a time window; reads more pages with max_pages.',
      method: 'GET',
      path: '/calendars/{calendar_id}/events',
      params: {
        calendar_id: calendarId,
        time_min: {
          in: 'query',
          wire: 'timeMin',
          type: 'string',
          format: 'date-time',
          description: 'Events ending after this time (RFC 3339 with offset)',
        },
        time_max: {
          in: 'query',
          wire: 'timeMax',
          type: 'string',
          format: 'date-time',
          description: 'Events starting before this time',
        },
        q: { in: 'query', type: 'string', description: 'Free-text search' },
        single_events: {
          in: 'query',
          wire: 'singleEvents',
          type: 'boolean',
          description: 'Expand recurring events into instances',
        },
        order_by: {
          in: 'query',
          wire: 'orderBy',
          type: 'string',
          enum: ['startTime', 'updated'],
          description: 'startTime needs single_events',
        },
        max_results: {
          in: 'query',
          wire: 'maxResults',
          type: 'integer',
          minimum: 1,
          maximum: 2500,
          description: 'Events per page (default 250)',
        },
      },
      pagination: { style: 'cursor', items: 'items', next: 'nextPageToken', param: 'pageToken' },
    },
  },
});
