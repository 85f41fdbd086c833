import { describe, expect, it } from 'vitest';
import { imageSize, sniffImageType } from './image-type';
import { JPEG_1X1, pngImage, webpHeader } from './image-type.fixtures';

describe('image types from the bytes', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and their sizes', () => {
    const png = pngImage(640, 480);
    expect(sniffImageType(png)).toBe('image/png');
    expect(imageSize(png, 'image/png')).toEqual({ width: 640, height: 480 });
    expect(sniffImageType(JPEG_1X1)).toBe('image/jpeg');
    expect(imageSize(JPEG_1X1, 'image/jpeg')).toEqual({ width: 1, height: 1 });
    const webp = webpHeader(4032, 3024);
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(imageSize(webp, 'image/webp')).toEqual({ width: 4032, height: 3024 });
  });

  it('refuses text, a GIF, a RIFF that is not WebP and a cut-off signature', () => {
    expect(sniffImageType(Buffer.from('hello, I am a photo'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1'))).toBeUndefined();
    expect(sniffImageType(pngImage(1, 1).subarray(0, 5))).toBeUndefined();
    expect(sniffImageType(Buffer.alloc(0))).toBeUndefined();
  });

  it('a header that does not tell the size gives none rather than a guess', () => {
    expect(imageSize(pngImage(2, 2).subarray(0, 20), 'image/png')).toBeUndefined();
    expect(
      imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]), 'image/jpeg'),
    ).toBeUndefined();
    expect(imageSize(webpHeader(2, 2).subarray(0, 20), 'image/webp')).toBeUndefined();
  });
});
