// SOCI's W1-W5 (see soci.hpp). One implementation for both backends: SOCI translates the
// :name placeholders to each database's own.
#include "soci.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace bench::peers {
namespace {

const char* const q_insert = "INSERT INTO users (id, name, email, age, score) VALUES (:id, :name, :email, :age, :score)";
const char* const q_all = "SELECT id, name, email, age, score FROM users";
const char* const q_point = "SELECT id, name, email, age, score FROM users WHERE id = :id";
const char* const q_filter =
    "SELECT id, name, email, age, score FROM users WHERE age BETWEEN :lo AND :hi ORDER BY score DESC LIMIT 100";
const char* const q_update = "UPDATE users SET age = :age, email = :email WHERE id = :id";

// The variables a prepared SELECT writes each fetched row into.
struct RowBuffer {
    long long id = 0;
    std::string name, email;
    int age = 0;
    double score = 0;
    soci::indicator age_null = soci::i_ok, score_null = soci::i_ok;

    // sql.prepare << query, into(...): use() may follow before it becomes a statement.
    auto prepare(soci::session& sql, const char* query) {
        return (sql.prepare << query, soci::into(id), soci::into(name), soci::into(email), soci::into(age, age_null),
                soci::into(score, score_null));
    }
    User user() const {
        User u{id, name, email, std::nullopt, std::nullopt};
        if (age_null == soci::i_ok) u.age = age;
        if (score_null == soci::i_ok) u.score = score;
        return u;
    }
};

void w1(soci::session& sql, const std::vector<User>& rows) {
    soci::transaction tx(sql);
    long long id = 0;
    std::string name, email;
    int age = 0;
    double score = 0;
    soci::indicator age_null = soci::i_ok, score_null = soci::i_ok;
    soci::statement st = (sql.prepare << q_insert, soci::use(id), soci::use(name), soci::use(email),
                          soci::use(age, age_null), soci::use(score, score_null));
    for (const User& u : rows) {
        id = u.id;
        name = u.name;
        email = u.email;
        age = u.age.value_or(0);
        age_null = u.age ? soci::i_ok : soci::i_null;
        score = u.score.value_or(0);
        score_null = u.score ? soci::i_ok : soci::i_null;
        st.execute(true);
    }
    tx.commit();
}

std::vector<User> w2(soci::session& sql) {
    std::vector<User> out;
    RowBuffer row;
    soci::statement st = row.prepare(sql, q_all);
    st.execute();
    while (st.fetch()) out.push_back(row.user());
    return out;
}

std::uint64_t w3(soci::session& sql, std::int64_t n) {
    Check c;
    RowBuffer row;
    long long key = 0;
    soci::statement st = (row.prepare(sql, q_point), soci::use(key));
    for (std::int64_t k = 0; k < n; ++k) {
        key = point_id(k, n);
        if (!st.execute(true)) throw std::runtime_error("soci w3: no row");
        c.add(row.user());
    }
    return c.v;
}

Outcome w4(soci::session& sql, std::int64_t m) {
    Check c;
    std::int64_t rows = 0;
    RowBuffer row;
    int lo = 0, hi = 0;
    soci::statement st = (row.prepare(sql, q_filter), soci::use(lo), soci::use(hi));
    std::vector<User> page;
    for (std::int64_t k = 0; k < m; ++k) {
        lo = w4_lo(k);
        hi = w4_hi(k);
        page.clear();
        st.execute();
        while (st.fetch()) page.push_back(row.user());
        for (const User& u : page) c.add(u);
        rows += static_cast<std::int64_t>(page.size());
    }
    return {rows, c.v};
}

void w5(soci::session& sql, const std::vector<Update>& updates) {
    soci::transaction tx(sql);
    int age = 0;
    std::string email;
    long long id = 0;
    soci::statement st = (sql.prepare << q_update, soci::use(age), soci::use(email), soci::use(id));
    for (const Update& u : updates) {
        age = u.age;
        email = u.email;
        id = u.id;
        st.execute(true);
    }
    tx.commit();
}

}  // namespace

struct SociSqlite::State {
    soci::session sql;
};

SociSqlite::SociSqlite(const std::string& path) : s_(new State{soci::session(soci::sqlite3, "db=" + path)}) {}
SociSqlite::SociSqlite(SociSqlite&&) noexcept = default;
SociSqlite::~SociSqlite() = default;
sqlite3* SociSqlite::handle() const {
    // The backend's sqlite_api::sqlite3 is the C library's struct under another name.
    return reinterpret_cast<sqlite3*>(static_cast<soci::sqlite3_session_backend*>(s_->sql.get_backend())->conn_);
}
void SociSqlite::w1(const std::vector<User>& rows) { peers::w1(s_->sql, rows); }
std::vector<User> SociSqlite::w2() { return peers::w2(s_->sql); }
std::uint64_t SociSqlite::w3(std::int64_t n) { return peers::w3(s_->sql, n); }
Outcome SociSqlite::w4(std::int64_t m) { return peers::w4(s_->sql, m); }
void SociSqlite::w5(const std::vector<Update>& updates) { peers::w5(s_->sql, updates); }

struct SociPg::State {
    soci::session sql;
};

SociPg::SociPg() : s_(new State{soci::session(soci::postgresql, "")}) {}
SociPg::SociPg(SociPg&&) noexcept = default;
SociPg::~SociPg() = default;
PGconn* SociPg::handle() const {
    return static_cast<soci::postgresql_session_backend*>(s_->sql.get_backend())->conn_;
}
void SociPg::w1(const std::vector<User>& rows) { peers::w1(s_->sql, rows); }
std::vector<User> SociPg::w2() { return peers::w2(s_->sql); }
std::uint64_t SociPg::w3(std::int64_t n) { return peers::w3(s_->sql, n); }
Outcome SociPg::w4(std::int64_t m) { return peers::w4(s_->sql, m); }
void SociPg::w5(const std::vector<Update>& updates) { peers::w5(s_->sql, updates); }

}  // namespace bench::peers
