import { defineManifest } from '../../manifest/manifest-schema';

const LOCATION = {
  lat: { in: 'query', type: 'number', minimum: -90, maximum: 90 },
  lon: { in: 'query', type: 'number', minimum: -180, maximum: 180 },
} as const;
const UNITS = {
  in: 'query',
  type: 'string',
  enum: ['standard', 'metric', 'imperial'] as string[],
  description: 'standard is Kelvin, metric °C, imperial °F',
} as const;
const LANG = {
  in: 'query',
  type: 'string',
  description: 'Language of descriptions, e.g. en, de, fr',
} as const;

export const openweather = defineManifest({
  name: 'openweather',
  title: 'OpenWeather',
  category: 'utility',
  description:
    'Current weather, 5-day forecasts, air quality and place look-ups from OpenWeather with an API key.',
  docsUrl: 'https://openweathermap.org/current',
  verification: 'documented',
  baseUrl: 'https://api.openweathermap.org',
  auth: {
    credentialType: 'api_key',
    apply: [{ in: 'query', name: 'appid', value: '{token}' }],
    hint: 'An API key (My API keys)',
  },
  errors: { message: ['message'] },
  actions: {
    current_weather: {
      description: 'The current weather at a point (lat/lon) or, for backward compatibility, a city or zip.',
      method: 'GET',
      path: '/data/2.5/weather',
      params: {
        ...LOCATION,
        q: { in: 'query', type: 'string', description: 'City name, e.g. London,GB (instead of lat/lon)' },
        zip: { in: 'query', type: 'string', description: 'Zip and country, e.g. 94040,US' },
        units: UNITS,
        lang: LANG,
      },
      summary: '{name}: {weather.0.description}, {main.temp}°',
    },
    forecast: {
      description: 'A 5-day forecast in 3-hour steps at a point.',
      method: 'GET',
      path: '/data/2.5/forecast',
      params: {
        lat: { ...LOCATION.lat, required: true },
        lon: { ...LOCATION.lon, required: true },
        cnt: { in: 'query', type: 'integer', minimum: 1, maximum: 40, description: 'How many 3-hour steps' },
        units: UNITS,
        lang: LANG,
      },
      summary: 'Forecast for {city.name}',
    },
    air_pollution: {
      description: 'The current air quality index and pollutant concentrations at a point.',
      method: 'GET',
      path: '/data/2.5/air_pollution',
      params: { lat: { ...LOCATION.lat, required: true }, lon: { ...LOCATION.lon, required: true } },
      output: 'list.0',
      summary: 'AQI {list.0.main.aqi}',
    },
    geocode: {
      description: 'Find the coordinates of a place by name.',
      method: 'GET',
      path: '/geo/1.0/direct',
      params: {
        q: {
          in: 'query',
          type: 'string',
          required: true,
          description: 'City name, optional state code (US) and country code, e.g. Paris,FR',
        },
        limit: { in: 'query', type: 'integer', minimum: 1, maximum: 5 },
      },
    },
  },
});
