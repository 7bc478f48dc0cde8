/**
 * The newsroom's time zone the browser tests run the app in: 5 h 30 ahead of UTC, so that a date or
 * a day read in UTC where the newsroom's was meant shows, and without summer time, so that no test
 * depends on the season.
 */
export const NEWSROOM_TIME_ZONE = "Asia/Kolkata";
