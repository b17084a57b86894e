// Messages of the login page (pages/login.ts), in Bahasa Indonesia (merged in ../id.ts).

export const login = {
  app_tagline: 'Perencanaan tenaga kesehatan dan akses layanan',

  // login
  login_title: 'Masuk',
  login_intro: 'Masuk dengan akun yang diberikan Dinas Kesehatan.',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  login_button: 'Masuk',
};
