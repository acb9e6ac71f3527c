import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';

describe('REDIS_URL', () => {
  it('is off unless set, takes redis:// or rediss://, and needs the PostgreSQL the instances share', () => {
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
    const both = { DATABASE_URL: 'postgres://u:p@db.example.org/entente' };
    expect(loadConfig({ ...both, REDIS_URL: 'redis://redis.example.org:6379' }).REDIS_URL).toBe('redis://redis.example.org:6379');
    expect(loadConfig({ ...both, REDIS_URL: 'rediss://redis.example.org' }).REDIS_URL).toBe('rediss://redis.example.org');
    expect(() => loadConfig({ ...both, REDIS_URL: 'http://redis.example.org' })).toThrow(/REDIS_URL: a redis:\/\//);
    expect(() => loadConfig({ REDIS_URL: 'redis://redis.example.org' })).toThrow(/REDIS_URL: needs DATABASE_URL/);
  });
});
