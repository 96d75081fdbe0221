export { createAsrClient, isAcceptedAudioType, type AsrClientOptions, type Transcriber } from './asr-client.js';
