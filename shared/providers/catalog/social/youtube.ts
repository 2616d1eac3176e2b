import { defineManifest } from '../../manifest/manifest-schema';

export const youtube = defineManifest({
  name: 'youtube',
  title: 'YouTube Data API',
  category: 'social',
  description:
    'Search YouTube and read public video, channel and playlist details with a YouTube Data API v3 key.',
  docsUrl: 'https://developers.google.com/youtube/v3/docs/search/list',
  verification: 'documented',
  baseUrl: 'https://www.googleapis.com/youtube/v3',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'query', name: 'key', value: '{token}' }],
    hint: 'An API key with the YouTube Data API v3 enabled (Google Cloud console → Credentials)',
  },
  errors: {
    message: ['error.message'],
    retryable: { codePath: 'error.errors.0.reason', codes: ['rateLimitExceeded', 'userRateLimitExceeded'] },
  },
  actions: {
    search: {
      description: 'Search videos, channels and playlists (100 quota units per page).',
      method: 'GET',
      path: '/search',
      constants: { query: { part: 'snippet' } },
      params: {
        q: { in: 'query', type: 'string', description: 'The search terms' },
        type: {
          in: 'query',
          type: 'string',
          enum: ['video', 'channel', 'playlist', 'video,channel', 'video,playlist', 'channel,playlist'],
        },
        channel_id: {
          in: 'query',
          wire: 'channelId',
          type: 'string',
          description: 'Only this channel’s results',
        },
        order: {
          in: 'query',
          type: 'string',
          enum: ['date', 'rating', 'relevance', 'title', 'videoCount', 'viewCount'],
        },
        published_after: { in: 'query', wire: 'publishedAfter', type: 'string', format: 'date-time' },
        published_before: { in: 'query', wire: 'publishedBefore', type: 'string', format: 'date-time' },
        region_code: { in: 'query', wire: 'regionCode', type: 'string', pattern: '^[A-Z]{2}$' },
        relevance_language: { in: 'query', wire: 'relevanceLanguage', type: 'string' },
        safe_search: {
          in: 'query',
          wire: 'safeSearch',
          type: 'string',
          enum: ['moderate', 'none', 'strict'],
        },
        max_results: {
          in: 'query',
          wire: 'maxResults',
          type: 'integer',
          minimum: 0,
          maximum: 50,
          description: 'Per page (default 5)',
        },
      },
      pagination: { style: 'cursor', items: 'items', next: 'nextPageToken', param: 'pageToken' },
    },
    get_videos: {
      description: 'Read details and statistics of up to 50 videos by ID.',
      method: 'GET',
      path: '/videos',
      params: {
        id: {
          in: 'query',
          type: 'string',
          required: true,
          pattern: '^[A-Za-z0-9_-]{11}(,[A-Za-z0-9_-]{11}){0,49}$',
          description: 'Video IDs, comma-separated',
        },
        part: {
          in: 'query',
          type: 'string',
          default: 'snippet,contentDetails,statistics',
          description: 'Parts, comma-separated: snippet, contentDetails, statistics, status…',
        },
      },
      output: 'items',
    },
    get_channels: {
      description: 'Read channel details and statistics by ID or by @handle.',
      method: 'GET',
      path: '/channels',
      params: {
        id: { in: 'query', type: 'string', description: 'Channel IDs (UC…), comma-separated' },
        for_handle: {
          in: 'query',
          wire: 'forHandle',
          type: 'string',
          description: 'A handle, e.g. @GoogleDevelopers',
        },
        part: {
          in: 'query',
          type: 'string',
          default: 'snippet,statistics',
          description: 'Parts, comma-separated: snippet, statistics, contentDetails…',
        },
      },
      output: 'items',
    },
    list_playlist_items: {
      description: 'List the videos of a playlist, e.g. a channel’s uploads playlist.',
      method: 'GET',
      path: '/playlistItems',
      constants: { query: { part: 'snippet,contentDetails' } },
      params: {
        playlist_id: { in: 'query', wire: 'playlistId', type: 'string', required: true },
        max_results: { in: 'query', wire: 'maxResults', type: 'integer', minimum: 0, maximum: 50 },
      },
      pagination: { style: 'cursor', items: 'items', next: 'nextPageToken', param: 'pageToken' },
    },
  },
});
