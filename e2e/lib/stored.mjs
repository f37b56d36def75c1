// The app's stored records, read and written from the page as another tab would: IndexedDB database
// 'sidenote', object store 'records' (key → the record's JSON text), and localStorage, where older versions
// kept them (and where the start-up flag stays).

// Opening the database as the app does (creating its store on first use) is repeated inside each function
// that runs in the page: the app's Content-Security-Policy forbids eval, and page functions cannot share code.

/** Every record in IndexedDB, as { key: value } (values as stored: text, or whatever was injected). */
export function storedRecords(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('sidenote', 1);
      request.onupgradeneeded = () => { if (!request.result.objectStoreNames.contains('records')) request.result.createObjectStore('records'); };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('records').objectStore('records');
    const [keys, values] = [store.getAllKeys(), store.getAll()];
    const records = await new Promise((resolve, reject) => {
      values.onsuccess = () => resolve(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      values.onerror = () => reject(values.error);
    });
    db.close();
    return records;
  });
}

/** Writes records into IndexedDB (`undefined` deletes), in one transaction. */
export function putRecords(page, records) {
  return page.evaluate(async (entries) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('sidenote', 1);
      request.onupgradeneeded = () => { if (!request.result.objectStoreNames.contains('records')) request.result.createObjectStore('records'); };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('records', 'readwrite');
    for (const [key, value] of entries) {
      if (value === undefined || value === null) tx.objectStore('records').delete(key);
      else tx.objectStore('records').put(value, key);
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
    db.close();
  }, Object.entries(records));
}

/** Every key and value in localStorage. */
export function localRecords(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
}

/** Waits until the app has read its storage and opened what it starts with. */
export async function started(page) {
  await page.locator('[data-testid=app][data-started=true]').waitFor();
  await page.locator('mark[data-testid=hl]').first().waitFor();
}

/**
 * Empties the browser's storage, fills it (`local`: localStorage, as an older version left it; `indexed`:
 * IndexedDB records) and reloads, as if the app had been closed and reopened.
 */
export async function restartWith(page, { local = {}, indexed = {} } = {}) {
  await page.evaluate(async ([entries]) => {
    // The app closes its connection when asked (versionchange), so the deletion does not wait for a reload.
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase('sidenote');
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
    });
    localStorage.clear();
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, [Object.entries(local)]);
  if (Object.keys(indexed).length > 0) await putRecords(page, indexed);
  await page.reload();
  await started(page);
}

/** Waits until the record under `key` satisfies `check` (saving is asynchronous); returns it. */
export async function waitForRecord(page, key, check) {
  let value;
  for (let i = 0; i < 100; i++) {
    value = (await storedRecords(page))[key];
    if (check(value)) return value;
    await page.waitForTimeout(50);
  }
  throw new Error(`${key} never became as expected; last seen: ${String(value).slice(0, 200)}`);
}
