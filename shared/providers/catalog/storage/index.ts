import type { ProviderManifest } from '../../manifest/manifest-schema';
import { box } from './box';
import { cloudinary } from './cloudinary';
import { dropbox } from './dropbox';
import { googleDrive } from './google_drive';
import { imagekit } from './imagekit';
import { onedrive } from './onedrive';
import { uploadcare } from './uploadcare';

export const storageManifests: ProviderManifest[] = [
  box,
  cloudinary,
  dropbox,
  googleDrive,
  imagekit,
  onedrive,
  uploadcare,
];
